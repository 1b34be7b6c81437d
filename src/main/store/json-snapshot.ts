import type { Steps } from '../slices';

/** Records stringified between two checks of the clock. */
const RECORDS_PER_STEP = 50;

type Entry = { key: string; text: string } | { key: string; items: readonly unknown[] };

/**
 * An object's JSON text, exactly as JSON.stringify writes it, but produced a few records at a
 * time (the store is several MB: stringifying it at once holds the event loop ~100 ms).
 *
 * The state is captured when the snapshot is taken, cheaply: each top-level array is copied
 * (its records are only referenced) and every other top-level value is stringified at once
 * (settings and the like, small). So afterwards records may be added, replaced or removed,
 * and top-level values reassigned or changed, but a record must never be changed in place:
 * the store replaces records, it never edits them.
 */
export class JsonSnapshot {
  private readonly entries: Entry[] = [];

  constructor(value: object) {
    for (const [key, item] of Object.entries(value)) {
      if (Array.isArray(item)) {
        this.entries.push({ key, items: item.slice() });
      } else {
        const text = JSON.stringify(item) as string | undefined;
        if (text !== undefined) this.entries.push({ key, text }); // as JSON.stringify omits it
      }
    }
  }

  /** Calls `write` with consecutive pieces of the text, yielding after every `perStep`
   * records. */
  *pieces(write: (piece: string) => void, perStep = RECORDS_PER_STEP): Steps<void> {
    write('{');
    for (let i = 0; i < this.entries.length; i++) {
      const entry = this.entries[i];
      write(`${i > 0 ? ',' : ''}${JSON.stringify(entry.key)}:`);
      if ('text' in entry) {
        write(entry.text);
        continue;
      }
      const { items } = entry;
      write('[');
      for (let from = 0; from < items.length; from += perStep) {
        const to = Math.min(items.length, from + perStep);
        const texts: string[] = [];
        // In an array, what JSON cannot hold (undefined, a function) is written as null.
        for (let k = from; k < to; k++)
          texts.push((JSON.stringify(items[k]) as string | undefined) ?? 'null');
        write(`${from > 0 ? ',' : ''}${texts.join(',')}`);
        yield;
      }
      write(']');
    }
    write('}');
  }
}
