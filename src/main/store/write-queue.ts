interface Batch {
  promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
  /** The change count when this batch's write took its snapshot. */
  seq: number;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A fire-and-forget update must not crash the process on a disk error: the failure still
  // reaches everyone who awaits, and flush()/close() report it.
  promise.catch(() => undefined);
  return { promise, resolve, reject, seq: -1 };
}

/**
 * Coalesces "the state changed, persist it" requests: at most one write in flight and one
 * queued. Every change made before a write starts is in that write, because `write` must take
 * its snapshot synchronously (the store's adapter stringifies before its first await).
 * Requests made in the same tick share one write; requests made while a write is in flight
 * share the next one.
 */
export class WriteQueue {
  private changeSeq = 0;
  private durableSeq = 0;
  private queued: Batch | null = null;
  private inFlight: Batch | null = null;
  /** Writes started, for tests and benchmarks. */
  writesStarted = 0;

  constructor(private readonly write: () => Promise<void>) {}

  /** True while some change is not yet known to be on disk. */
  get dirty(): boolean {
    return this.durableSeq < this.changeSeq;
  }

  /** Records a change; resolves once a write that includes it has completed. */
  changed(): Promise<void> {
    this.changeSeq++;
    return this.enqueue();
  }

  /** Resolves when every change recorded so far is durable; rejects if a write fails. A write
   * that failed earlier is retried here (each write carries the whole state). */
  async flush(): Promise<void> {
    const target = this.changeSeq;
    while (this.durableSeq < target) {
      if (this.queued) await this.queued.promise;
      else if (this.inFlight && this.inFlight.seq >= target) await this.inFlight.promise;
      else await this.enqueue();
    }
  }

  private enqueue(): Promise<void> {
    if (this.queued) return this.queued.promise;
    const batch = newBatch();
    this.queued = batch;
    // Start after the current synchronous run so that a burst of updates shares one write.
    if (!this.inFlight) queueMicrotask(() => this.pump());
    return batch.promise;
  }

  private pump(): void {
    const batch = this.queued;
    if (this.inFlight || !batch) return;
    this.queued = null;
    this.inFlight = batch;
    batch.seq = this.changeSeq;
    this.writesStarted++;
    let written: Promise<void>;
    try {
      written = this.write();
    } catch (error) {
      written = Promise.reject(error);
    }
    written.then(
      () => {
        this.durableSeq = Math.max(this.durableSeq, batch.seq);
        this.settle(() => batch.resolve());
      },
      (error: unknown) => this.settle(() => batch.reject(error)),
    );
  }

  private settle(done: () => void): void {
    this.inFlight = null;
    done();
    if (this.queued) this.pump();
  }
}
