import { describe, expect, it } from 'vitest';
import { WriteQueue } from '../../../src/main/store/write-queue';

/** A write function the test completes by hand; `state` is what each write snapshotted. */
function controlledWrites() {
  let state = 0;
  const writes: { snapshot: number; finish(): void; fail(error: Error): void }[] = [];
  const queue = new WriteQueue(() => {
    const snapshot = state;
    return new Promise<void>((resolve, reject) => {
      writes.push({ snapshot, finish: resolve, fail: reject });
    });
  });
  return {
    queue,
    writes,
    change(): Promise<void> {
      state++;
      return queue.changed();
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

function track(promise: Promise<void>): { settled: () => string } {
  let status = 'pending';
  promise.then(
    () => (status = 'resolved'),
    () => (status = 'rejected'),
  );
  return { settled: () => status };
}

describe('WriteQueue', () => {
  it('gives one write to changes made in the same tick', async () => {
    const { queue, writes, change } = controlledWrites();
    const all = Promise.all([change(), change(), change()]);
    await tick();
    expect(writes).toHaveLength(1);
    expect(writes[0]!.snapshot).toBe(3);
    writes[0]!.finish();
    await all;
    expect(queue.dirty).toBe(false);
  });

  it('resolves a change made during a write only when the next write completes', async () => {
    const { writes, change } = controlledWrites();
    const first = track(change());
    await tick();
    const second = track(change());
    const third = track(change());
    await tick();
    expect(writes).toHaveLength(1); // one in flight, the others queued together
    writes[0]!.finish();
    await tick();
    expect([first.settled(), second.settled(), third.settled()]).toEqual([
      'resolved',
      'pending',
      'pending',
    ]);
    expect(writes).toHaveLength(2);
    expect(writes[1]!.snapshot).toBe(3);
    writes[1]!.finish();
    await tick();
    expect([second.settled(), third.settled()]).toEqual(['resolved', 'resolved']);
  });

  it('flush waits for the write that holds the latest change', async () => {
    const { queue, writes, change } = controlledWrites();
    void change();
    await tick();
    void change(); // queued behind the first
    writes[0]!.finish();
    await tick(); // the first is done, the second is in flight
    const flushed = track(queue.flush());
    await tick();
    expect(flushed.settled()).toBe('pending');
    writes[1]!.finish();
    await tick();
    expect(flushed.settled()).toBe('resolved');
  });

  it('rejects only the changes a failed write carried, and flush retries', async () => {
    const { queue, writes, change } = controlledWrites();
    const failed = change();
    await tick();
    const later = track(change());
    writes[0]!.fail(new Error('disk full'));
    await expect(failed).rejects.toThrow('disk full');
    await tick();
    expect(later.settled()).toBe('pending'); // carried by the next write, not the failed one
    writes[1]!.finish();
    await tick();
    expect(later.settled()).toBe('resolved');

    const again = change();
    await tick();
    writes[2]!.fail(new Error('disk full'));
    await expect(again).rejects.toThrow();
    expect(queue.dirty).toBe(true);
    const flushed = queue.flush();
    await tick();
    expect(writes).toHaveLength(4); // flush started a retry of the whole state
    writes[3]!.finish();
    await flushed;
    expect(queue.dirty).toBe(false);
  });

  it('flush with nothing pending resolves without writing', async () => {
    const { queue, writes } = controlledWrites();
    await queue.flush();
    expect(writes).toHaveLength(0);
  });
});
