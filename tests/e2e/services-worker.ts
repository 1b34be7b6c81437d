import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { dispatch } from '../../src/main/ipc';
import { createServices } from '../../src/main/services';

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

/** Event-loop delay while watched; `stalls` are [from, to] in epoch ms, each over 40 ms. */
export interface LoopDelay {
  maxMs: number;
  p99Ms: number;
  p95Ms: number;
  p50Ms: number;
  minMs: number;
  stalls: [number, number][];
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

let watching: { stop(): LoopDelay } | null = null;
function watch() {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const stalls: [number, number][] = [];
  let tick = epoch();
  const timer = setInterval(() => {
    const now = epoch();
    if (now - tick > 40) stalls.push([tick, now]);
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
