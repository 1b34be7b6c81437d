import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { dispatch } from '../../src/main/ipc';
import { createServices } from '../../src/main/services';
import { summarise, type Figure } from '../bench/stats';

/**
 * The services of the browser harness in a worker thread (`startHarness(…, { worker: true })`):
 * an event loop of their own, as Electron's main process has, apart from the test driver. The
 * soak measures that loop's stalls and that heap. Messages: a call, the dialogs' next answers,
 * watching the loop, the heap after a GC, and dispose.
 */

export interface WorkerStart {
  entry: string;
  dataDir: string;
  appVersion: string;
  resourcesDir: string;
}

/** A gap of over 40 ms between ticks of the loop: from and to in epoch ms, and how much of it
 * the thread ran and how much it waited for a core (Linux's schedstat; null elsewhere). */
export interface Stall {
  from: number;
  to: number;
  ranMs: number | null;
  queuedMs: number | null;
}

/** Event-loop delay while watched (monitorEventLoopDelay), and each stall. */
export interface LoopDelay {
  maxMs: number;
  p99Ms: number;
  p95Ms: number;
  p50Ms: number;
  minMs: number;
  /** Each tick's delay less the time the thread waited in the run queue for a core: the
   * services' own stalls, apart from the browser and the test driver taking the cores of a
   * small machine (the whole delay where the OS does not say). */
  own: { p50Ms: number; p95Ms: number; maxMs: number };
  stalls: Stall[];
}

export type WorkerRequest =
  | { type: 'call'; channel: string; input: unknown }
  | { type: 'answer'; paths: (string | null)[] }
  | { type: 'watch' }
  | { type: 'unwatch' }
  | { type: 'heap' }
  | { type: 'dispose' };

const port = parentPort!;
const start = workerData as WorkerStart;

// What the services report (a failed background write, say) reaches the test's console.
for (const level of ['error', 'warn'] as const) {
  console[level] = (...args: unknown[]) => port.postMessage({ console: [level, args.join(' ')] });
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const epoch = () => performance.timeOrigin + performance.now();

const answers: (string | null)[] = [];
const answer = async () => answers.shift() ?? null;
const services = await createServices({
  dataDir: start.dataDir,
  appVersion: start.appVersion,
  resourcesDir: start.resourcesDir,
  dialogs: { chooseFolder: answer, chooseSaveFile: answer, chooseOpenFile: answer },
});

/** This thread's time on a core and time waiting in the run queue, in ms, if Linux says. */
function schedstat(): [number, number] | null {
  try {
    const [ran, queued] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ');
    return [Number(ran) / 1e6, Number(queued) / 1e6];
  } catch {
    return null;
  }
}

const ownFigures = ({ p50, p95, max }: Figure) => ({
  p50Ms: p50 ?? 0,
  p95Ms: p95 ?? 0,
  maxMs: max ?? 0,
});

let watching: { stop(): LoopDelay } | null = null;
function watch() {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const stalls: Stall[] = [];
  const own: number[] = [];
  let tick = epoch();
  let sched = schedstat();
  const timer = setInterval(() => {
    const now = epoch();
    const then = sched;
    sched = schedstat();
    const [ranMs, queuedMs] = then && sched ? [sched[0] - then[0], sched[1] - then[1]] : [];
    own.push(Math.max(0, now - tick - 10 - (queuedMs ?? 0)));
    if (now - tick > 40) {
      stalls.push({ from: tick, to: now, ranMs: ranMs ?? null, queuedMs: queuedMs ?? null });
    }
    tick = now;
  }, 10);
  return {
    stop(): LoopDelay {
      delay.disable();
      clearInterval(timer);
      const ms = (ns: number) => ns / 1e6;
      return {
        maxMs: ms(delay.max),
        p99Ms: ms(delay.percentile(99)),
        p95Ms: ms(delay.percentile(95)),
        p50Ms: ms(delay.percentile(50)),
        minMs: ms(delay.min),
        own: ownFigures(summarise('own stall', own)),
        stalls,
      };
    },
  };
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.type) {
    case 'call':
      return dispatch(services, request.channel, request.input);
    case 'answer':
      answers.push(...request.paths);
      return null;
    case 'watch':
      watching = watch();
      return null;
    case 'unwatch': {
      const delay = watching?.stop();
      watching = null;
      return delay;
    }
    case 'heap':
      gc();
      gc();
      return getHeapStatistics().used_heap_size;
    case 'dispose':
      await services.dispose();
      return null;
  }
}

port.on('message', ({ id, request }: { id: number; request: WorkerRequest }) => {
  void handle(request).then(
    (value) => port.postMessage({ id, value }),
    (error: unknown) => port.postMessage({ id, error: String(error) }),
  );
});
port.postMessage({ ready: true });
