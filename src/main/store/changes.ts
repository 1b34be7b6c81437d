import type { z } from 'zod';
import { settingsSchema } from '../../shared/settings';
import { StoreError } from './errors';
import {
  isStoreRecord,
  progressMapSchema,
  windowStateSchema,
  type StoreData,
  type StoreRecord,
} from './schema';

export type StoreCollection = 'highlights' | 'cards' | 'trash';
export type StoreDoc = 'settings' | 'progress' | 'windowState';
export type Change =
  | { type: 'set'; doc: StoreDoc; value: unknown } // replace a small top-level document
  | { type: 'put'; collection: StoreCollection; record: StoreRecord } // insert or replace by id
  | { type: 'delete'; collection: StoreCollection; id: string };

const COLLECTIONS: readonly string[] = ['highlights', 'cards', 'trash'];

/**
 * What a 'set' may store. Checked strictly (settings are not repaired here): a value the
 * snapshot's schema would refuse on the next load would condemn the whole file.
 */
const DOC_SCHEMAS: Record<StoreDoc, z.ZodType> = {
  settings: settingsSchema.loose(),
  progress: progressMapSchema,
  windowState: windowStateSchema.nullable(),
};

function isDoc(doc: unknown): doc is StoreDoc {
  return typeof doc === 'string' && Object.hasOwn(DOC_SCHEMAS, doc);
}

const MAX_DEPTH = 200;

/** Why `value` is not plain JSON (something JSON.stringify would drop, alter or choke on). */
function notJson(value: unknown, depth: number, ancestors: Set<object>): string | null {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return null;
    case 'number':
      return Number.isFinite(value) ? null : `${value} is not a JSON number`;
    case 'object':
      break;
    default:
      return `a ${typeof value} is not JSON`;
  }
  if (value === null) return null;
  if (depth > MAX_DEPTH) return 'nested too deeply';
  if (ancestors.has(value)) return 'a circular reference';
  const proto: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) {
    return 'only plain objects and arrays are JSON';
  }
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) return `[${i}] is a hole`;
        const why = notJson(value[i], depth + 1, ancestors);
        if (why) return `[${i}]: ${why}`;
      }
    } else {
      for (const [key, item] of Object.entries(value)) {
        const why = notJson(item, depth + 1, ancestors);
        if (why) return `${key}: ${why}`;
      }
    }
    return null;
  } finally {
    ancestors.delete(value);
  }
}

function checkChange(change: unknown): string | null {
  if (typeof change !== 'object' || change === null) return 'not an object';
  const c = change as Record<string, unknown>;
  switch (c.type) {
    case 'set': {
      if (!isDoc(c.doc)) return `unknown document ${String(c.doc)}`;
      const why = notJson(c.value, 0, new Set());
      if (why) return `value: ${why}`;
      const parsed = DOC_SCHEMAS[c.doc].safeParse(c.value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return `not a valid ${c.doc}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`;
      }
      return null;
    }
    case 'put': {
      if (!COLLECTIONS.includes(c.collection as string)) return `unknown collection`;
      if (!isStoreRecord(c.record)) return 'record needs a non-empty string id';
      const why = notJson(c.record, 0, new Set());
      return why && `record: ${why}`;
    }
    case 'delete':
      if (!COLLECTIONS.includes(c.collection as string)) return `unknown collection`;
      return typeof c.id === 'string' && c.id.length > 0 ? null : 'id must be a non-empty string';
    default:
      return `unknown change type ${String(c.type)}`;
  }
}

/** Throws StoreError('invalid') naming the first bad change. */
export function validateChanges(input: unknown): asserts input is Change[] {
  if (!Array.isArray(input)) throw new StoreError('invalid', 'changes must be an array');
  input.forEach((change, i) => {
    const why = checkChange(change);
    if (why) throw new StoreError('invalid', `change ${i}: ${why}`);
  });
}

/** Only the fields a change is made of, so the journal holds nothing else. */
function normalise(c: Change): Change {
  if (c.type === 'set') return { type: c.type, doc: c.doc, value: c.value };
  if (c.type === 'put') return { type: c.type, collection: c.collection, record: c.record };
  return { type: c.type, collection: c.collection, id: c.id };
}

/**
 * Validates `input` and returns its journal text plus a private copy for memory: memory then
 * holds exactly what replaying the line produces, and the caller may go on mutating its own
 * objects. Throws StoreError('invalid') having changed nothing.
 */
export function prepareChanges(input: unknown): { text: string; changes: Change[] } {
  validateChanges(input);
  const text = JSON.stringify(input.map(normalise));
  return { text, changes: JSON.parse(text) as Change[] };
}

/** Deletes between full rebuilds of an index: bounds the scan a lookup may need. */
const MAX_DRIFT = 256;

/**
 * id → position in one collection, so a put or delete among 10,000+ records is not a scan.
 * A delete (a splice) moves every later record down one, and renumbering them all each time
 * would cost O(n): instead positions are left stale. Records only ever move down (puts replace
 * in place or append), so a record sits at most `drift` (deletes since the last rebuild) below
 * its recorded position; a lookup scans that window and fixes the entry it finds.
 */
class CollectionIndex {
  private array: StoreRecord[] | null = null;
  private readonly ids = new Map<string, number>();
  private drift = 0;
  /** Only update() can leave two records with one id; then positions are kept exact, so the
   * first occurrence is always the one found, live and at replay alike. */
  private duplicates = false;

  invalidate(): void {
    this.array = null;
  }

  put(array: StoreRecord[], record: StoreRecord): void {
    const at = this.find(array, record.id);
    if (at >= 0) {
      array[at] = record;
    } else {
      this.ids.set(record.id, array.length);
      array.push(record);
    }
  }

  delete(array: StoreRecord[], id: string): void {
    const at = this.find(array, id);
    if (at < 0) return;
    array.splice(at, 1);
    this.ids.delete(id);
    if (this.duplicates || ++this.drift > MAX_DRIFT) this.rebuild(array);
  }

  private find(array: StoreRecord[], id: string): number {
    if (array !== this.array) this.rebuild(array);
    const recorded = this.ids.get(id);
    if (recorded === undefined) return -1;
    const lowest = Math.max(0, recorded - this.drift);
    for (let at = Math.min(recorded, array.length - 1); at >= lowest; at--) {
      if (array[at]?.id !== id) continue;
      this.ids.set(id, at);
      return at;
    }
    this.rebuild(array); // changed behind our back: cheap insurance, not the normal path
    return this.ids.get(id) ?? -1;
  }

  private rebuild(array: StoreRecord[]): void {
    this.ids.clear();
    this.duplicates = false;
    array.forEach((record, i) => {
      if (this.ids.has(record.id)) this.duplicates = true;
      else this.ids.set(record.id, i);
    });
    this.array = array;
    this.drift = 0;
  }
}

/** Applies validated changes to the store's data, keeping an index per collection. */
export class ChangeApplier {
  private readonly indexes: Record<StoreCollection, CollectionIndex> = {
    highlights: new CollectionIndex(),
    cards: new CollectionIndex(),
    trash: new CollectionIndex(),
  };

  /** After update(): the arrays may have been changed in any way. */
  invalidate(): void {
    for (const index of Object.values(this.indexes)) index.invalidate();
  }

  apply(data: StoreData, changes: readonly Change[]): void {
    for (const change of changes) {
      if (change.type === 'set') {
        (data as unknown as Record<StoreDoc, unknown>)[change.doc] = change.value;
      } else if (change.type === 'put') {
        this.indexes[change.collection].put(data[change.collection], change.record);
      } else {
        this.indexes[change.collection].delete(data[change.collection], change.id);
      }
    }
  }
}
