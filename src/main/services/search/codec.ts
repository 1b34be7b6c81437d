import { Segment, type DocInfo } from './segment';

/**
 * A segment as bytes: a JSON header (format, fingerprint, documents), the two word lists as
 * newline-joined text, then the typed arrays as they are in memory. Loading is one JSON.parse,
 * two splits and views onto the buffer: nothing is rebuilt.
 */
const MAGIC = 'XZS1';

type DocRow = [key: string, version: string, article?: string, color?: string, tags?: string[]];

export function encodeSegment(segment: Segment, fingerprint: string): Buffer {
  const header = Buffer.from(
    JSON.stringify({
      fingerprint,
      averageLength: segment.averageLength,
      counts: [segment.offsets.length, segment.postDoc.length, segment.surfaceTerm.length],
      docs: segment.docs.map(toRow),
    }),
  );
  const terms = Buffer.from(segment.terms.join('\n'));
  const surfaces = Buffer.from(segment.surfaces.join('\n'));
  const parts: Buffer[] = [Buffer.from(MAGIC)];
  for (const text of [header, terms, surfaces]) {
    const length = Buffer.alloc(4);
    length.writeUInt32LE(text.length);
    parts.push(length, text);
  }
  const used = parts.reduce((n, p) => n + p.length, 0);
  parts.push(Buffer.alloc((4 - (used % 4)) % 4));
  for (const array of [segment.offsets, segment.postDoc, segment.postWeight, segment.surfaceTerm]) {
    parts.push(Buffer.from(array.buffer, array.byteOffset, array.byteLength));
  }
  return Buffer.concat(parts);
}

/** The segment in `bytes` if it was written for `fingerprint`; else null (rebuild). Throws on
 * damaged bytes; the caller rebuilds then too. */
export function decodeSegment(bytes: Buffer, fingerprint: string): Segment | null {
  if (bytes.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a search index');
  // Typed arrays need 4-byte alignment; a pooled Buffer may not start on one.
  const data = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  let at = 4;
  const text = () => {
    const length = data.readUInt32LE(at);
    const value = data.toString('utf8', at + 4, at + 4 + length);
    at += 4 + length;
    return value;
  };
  const header = JSON.parse(text()) as {
    fingerprint: string;
    averageLength: number;
    counts: [number, number, number];
    docs: DocRow[];
  };
  if (header.fingerprint !== fingerprint) return null;
  const terms = splitLines(text());
  const surfaces = splitLines(text());
  at += (4 - (at % 4)) % 4;
  const [offsetCount, postCount, surfaceCount] = header.counts;
  const view = <T>(Type: new (b: ArrayBufferLike, o: number, n: number) => T, n: number): T => {
    if (at + n * 4 > data.length) throw new Error('search index truncated');
    const array = new Type(data.buffer, data.byteOffset + at, n);
    at += n * 4;
    return array;
  };
  const offsets = view(Uint32Array, offsetCount);
  const postDoc = view(Uint32Array, postCount);
  const postWeight = view(Float32Array, postCount);
  const surfaceTerm = view(Uint32Array, surfaceCount);
  if (terms.length + 1 !== offsetCount || surfaces.length !== surfaceCount) {
    throw new Error('search index damaged');
  }
  const docs = header.docs.map(fromRow);
  return new Segment(
    docs,
    terms,
    offsets,
    postDoc,
    postWeight,
    surfaces,
    surfaceTerm,
    header.averageLength,
  );
}

const splitLines = (text: string) => (text === '' ? [] : text.split('\n'));

function toRow(doc: DocInfo): DocRow {
  const row: DocRow = [doc.key, doc.version, doc.article, doc.color, doc.tags];
  while (row.length > 2 && row[row.length - 1] === undefined) row.pop();
  return row;
}

function fromRow([key, version, article, color, tags]: DocRow): DocInfo {
  const doc: DocInfo = { key, version };
  if (article != null) doc.article = article;
  if (color != null) doc.color = color;
  if (tags != null) doc.tags = tags;
  return doc;
}
