/**
 * Long work in the main process, cut into slices so that the event loop (IPC, timers, other
 * writes) is never held up for long. The work is a generator that yields at safe points; it
 * can run to the end at once (runNow) or a few milliseconds at a time (runInSlices), so one
 * algorithm serves both.
 */
export type Steps<T> = Generator<void, T, void>;

/** Each slice runs this long at most (plus one step): well under the 50 ms the app allows. */
export const SLICE_MS = 8;

export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function runInSlices<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  let end = performance.now() + sliceMs;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() >= end) {
      await nextTurn();
      end = performance.now() + sliceMs;
    }
  }
}
