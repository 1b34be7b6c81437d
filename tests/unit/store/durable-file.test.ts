import fs from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { DurableFile, writeFileDurably } from '../../../src/main/store/durable-file';
import { isStoreError } from '../../../src/main/store/errors';
import { tempDir } from './helpers';

describe('DurableFile', () => {
  it('writes compact JSON through lowdb and reads it back', async () => {
    const file = path.join(await tempDir(), 'db.json');
    const db = new Low(new DurableFile<{ items: string[] }>(file), { items: [] });
    db.data.items.push('a', '新质');
    await db.write();
    expect(await fs.readFile(file, 'utf8')).toBe('{"items":["a","新质"]}');
    const again = new Low(new DurableFile<{ items: string[] }>(file), { items: [] });
    await again.read();
    expect(again.data.items).toEqual(['a', '新质']);
    expect(await fs.readdir(path.dirname(file))).toEqual(['db.json']); // no .tmp left behind
  });

  it('reads a missing file as null', async () => {
    const file = path.join(await tempDir(), 'none.json');
    expect(await new DurableFile(file).read()).toBeNull();
  });

  it.each([
    ['empty', '', 'unparseable'],
    ['truncated', '{"a":', 'unparseable'],
    ['null', 'null', 'not_an_object'],
    ['a number', '42', 'not_an_object'],
  ])('refuses a file that is %s with a typed error', async (_, content, code) => {
    const file = path.join(await tempDir(), 'bad.json');
    await fs.writeFile(file, content);
    const error = await new DurableFile(file).read().catch((e: unknown) => e);
    expect(isStoreError(error, code as 'unparseable')).toBe(true);
  });

  it('snapshots the data when write() is called', async () => {
    const file = path.join(await tempDir(), 'db.json');
    const adapter = new DurableFile<{ n: number }>(file);
    const data = { n: 1 };
    const written = adapter.write(data);
    data.n = 2; // a mutation after the call belongs to the next write
    await written;
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ n: 1 });
  });

  it('runs overlapping writes one after another; the last one wins', async () => {
    const file = path.join(await tempDir(), 'db.json');
    const adapter = new DurableFile<{ n: number; pad: string }>(file);
    await Promise.all(
      Array.from({ length: 20 }, (_, n) => adapter.write({ n, pad: 'x'.repeat(10_000 * (n % 3)) })),
    );
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toMatchObject({ n: 19 });
  });

  it('writes exact bytes as the file grows and shrinks (reused encode buffer)', async () => {
    const file = path.join(await tempDir(), 'db.json');
    const adapter = new DurableFile<{ text: string }>(file);
    for (const text of ['新质'.repeat(400_000), 'small', 'é'.repeat(900_000), '新'.repeat(10)]) {
      await adapter.write({ text });
      expect(await fs.readFile(file, 'utf8')).toBe(JSON.stringify({ text }));
    }
  });

  it('leaves the old file intact when a write fails', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'db.json');
    await writeFileDurably(file, '{"v":1}');
    await fs.mkdir(`${file}.tmp`); // the temporary file cannot be created
    await expect(writeFileDurably(file, '{"v":2}')).rejects.toThrow();
    expect(await fs.readFile(file, 'utf8')).toBe('{"v":1}');
  });
});
