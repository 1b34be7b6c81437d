import type { Steps } from '../../slices';
import { Segment, type DocInfo } from './segment';

/**
 * A segment as bytes: a JSON header (format, fingerprint, counts, the few distinct facet
 * values), newline-joined text (terms, surfaces, document keys and versions), then the typed
 * arrays as they are in memory. Loading is a small JSON.parse, four splits and views onto the
 * buffer: nothing is rebuilt, and little is allocated.
 */
const MAGIC = 'XZS2';

interface Header {
  fingerprint: string;
  averageLength: number;
  counts: { offsets: number; postings: number; surfaces: number; docs: number };
  articles: string[];
  colors: string[];
  /** Tags by document number, for the documents that have any. */
  tags: Record<number, string[]>;
}

/** A segment as bytes, in steps (see slices.ts): each part is a few milliseconds at most. */
export function* encodeSteps(segment: Segment, fingerprint: string): Steps<Buffer> {
  const articles = distinct(segment.docs.map((d) => d.article));
  const colors = distinct(segment.docs.map((d) => d.color));
  // Per document, its article (low 16 bits) and colour (high 16 bits), each 1-based, 0 = none.
  const facets = Uint32Array.from(
    segment.docs,
    (d) =>
      (d.article ? articles.indexOf(d.article) + 1 : 0) |
      ((d.color ? colors.indexOf(d.color) + 1 : 0) << 16),
  );
  yield;
  const tags: Header['tags'] = {};
  segment.docs.forEach((d, i) => {
    if (d.tags?.length) tags[i] = d.tags;
  });
  const header: Header = {
    fingerprint,
    averageLength: segment.averageLength,
    counts: {
      offsets: segment.offsets.length,
      postings: segment.postDoc.length,
      surfaces: segment.surfaceTerm.length,
      docs: segment.docs.length,
    },
    articles,
    colors,
    tags,
  };
  const texts = [
    () => JSON.stringify(header),
    () => segment.terms.join('\n'),
    () => segment.surfaces.join('\n'),
    () => segment.docs.map((d) => d.key).join('\n'),
    () => segment.docs.map((d) => d.version).join('\n'),
  ];
  const parts: Buffer[] = [Buffer.from(MAGIC)];
  for (const text of texts) {
    yield;
    const bytes = Buffer.from(text());
    const length = Buffer.alloc(4);
    length.writeUInt32LE(bytes.length);
    parts.push(length, bytes);
  }
  const used = parts.reduce((n, p) => n + p.length, 0);
  parts.push(Buffer.alloc((4 - (used % 4)) % 4));
  const arrays = [
    segment.offsets,
    segment.postDoc,
    segment.postWeight,
    segment.surfaceTerm,
    facets,
  ];
  for (const array of arrays) {
    parts.push(Buffer.from(array.buffer, array.byteOffset, array.byteLength));
  }
  yield;
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
    if (at + 4 > data.length) throw new Error('search index truncated');
    const length = data.readUInt32LE(at);
    const value = data.toString('utf8', at + 4, at + 4 + length);
    at += 4 + length;
    return value;
  };
  const header = JSON.parse(text()) as Header;
  if (header.fingerprint !== fingerprint) return null;
  const [terms, surfaces, keys, versions] = [text(), text(), text(), text()].map(splitLines);
  at += (4 - (at % 4)) % 4;
  const view = <T>(Type: new (b: ArrayBufferLike, o: number, n: number) => T, n: number): T => {
    if (at + n * 4 > data.length) throw new Error('search index truncated');
    const array = new Type(data.buffer, data.byteOffset + at, n);
    at += n * 4;
    return array;
  };
  const { counts } = header;
  const offsets = view(Uint32Array, counts.offsets);
  const postDoc = view(Uint32Array, counts.postings);
  const postWeight = view(Float32Array, counts.postings);
  const surfaceTerm = view(Uint32Array, counts.surfaces);
  const facets = view(Uint32Array, counts.docs);
  if (
    terms.length + 1 !== counts.offsets ||
    surfaces.length !== counts.surfaces ||
    keys.length !== counts.docs ||
    versions.length !== counts.docs
  ) {
    throw new Error('search index damaged');
  }
  const docs = keys.map((key, i): DocInfo => {
    const doc: DocInfo = { key, version: versions[i] };
    const article = facets[i] & 0xffff;
    const color = facets[i] >>> 16;
    if (article) doc.article = header.articles[article - 1];
    if (color) doc.color = header.colors[color - 1];
    if (header.tags[i]) doc.tags = header.tags[i];
    return doc;
  });
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

const distinct = (values: (string | undefined)[]): string[] =>
  [...new Set(values.filter((v): v is string => v !== undefined))].sort();
