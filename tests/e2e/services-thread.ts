import { Worker } from 'node:worker_threads';
import type { Result } from '../../src/shared/api';
import type { LoopDelay, WorkerRequest, WorkerStart } from './services-worker';

/** The harness's side of services-worker.ts: each request is answered by its id. */
export interface ServicesThread {
  call(channel: string, input: unknown): Promise<Result<unknown>>;
  answer(paths: (string | null)[]): Promise<void>;
  /** Start measuring the services' event-loop delay… */
  watch(): Promise<void>;
  /** …and stop, with what was measured. */
  unwatch(): Promise<LoopDelay>;
  /** Bytes in use in the services' heap after a forced GC. */
  heap(): Promise<number>;
  /** Flush and close the services, and end the thread. */
  dispose(): Promise<void>;
}

const BOOT = new URL('./services-boot.mjs', import.meta.url);
const ENTRY = new URL('./services-worker.ts', import.meta.url).href;

export function startServicesThread(start: Omit<WorkerStart, 'entry'>): Promise<ServicesThread> {
  const worker = new Worker(BOOT, { workerData: { ...start, entry: ENTRY } });
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let next = 0;
  const send = <T>(request: WorkerRequest) =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, request });
    });
  return new Promise((ready, failed) => {
    worker.on('error', (error) => {
      failed(error);
      for (const w of waiting.values()) w.reject(error);
    });
    worker.on('message', (message: Record<string, unknown>) => {
      if (message.ready) {
        ready({
          call: (channel, input) => send({ type: 'call', channel, input }),
          answer: (paths) => send({ type: 'answer', paths }),
          watch: () => send({ type: 'watch' }),
          unwatch: () => send({ type: 'unwatch' }),
          heap: () => send({ type: 'heap' }),
          async dispose() {
            await send({ type: 'dispose' });
            await worker.terminate();
          },
        });
      } else if (message.console) {
        const [level, text] = message.console as ['error' | 'warn', string];
        console[level](text);
      } else {
        const w = waiting.get(message.id as number);
        waiting.delete(message.id as number);
        if (message.error) w?.reject(new Error(message.error as string));
        else w?.resolve(message.value);
      }
    });
  });
}
