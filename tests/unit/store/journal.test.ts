import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStoreError } from '../../../src/main/store/errors';
import { openJournal } from '../../../src/main/store/journal';
import { tempDir } from './helpers';

async function journalFile(): Promise<string> {
  return path.join(await tempDir(), 'logs', 'reviews.jsonl');
}

describe('journal', () => {
  it('keeps appends across a reopen', async () => {
    const file = await journalFile();
    const journal = await openJournal(file);
    await journal.append({ card: 'c1', grade: 3 });
    await journal.append({ card: 'c2', note: 'two\nlines \u2028 新质' });
    await journal.close();
    const again = await openJournal(file);
    await again.append({ card: 'c3' });
    expect(await again.readAll()).toEqual([
      { card: 'c1', grade: 3 },
      { card: 'c2', note: 'two\nlines \u2028 新质' },
      { card: 'c3' },
    ]);
    expect((await fs.readFile(file, 'utf8')).split('\n')).toHaveLength(4); // 3 lines + final ''
    await again.close();
  });

  it('reads an empty journal', async () => {
    const journal = await openJournal(await journalFile());
    expect(await journal.readAll()).toEqual([]);
    await journal.close();
  });

  it('ignores a torn last line and does not glue the next append onto it', async () => {
    const file = await journalFile();
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, '{"n":1}\n{"n":2}\n{"n":3,"partial":"ab');
    const journal = await openJournal(file);
    expect(await journal.readAll()).toEqual([{ n: 1 }, { n: 2 }]);
    await journal.append({ n: 4 });
    expect(await journal.readAll()).toEqual([{ n: 1 }, { n: 2 }, { n: 4 }]);
    await journal.close();
  });

  it('ignores a garbled last line that did get its newline', async () => {
    const file = await journalFile();
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, '{"n":1}\n\u0000\u0000{"n":2\n');
    const journal = await openJournal(file);
    expect(await journal.readAll()).toEqual([{ n: 1 }]);
    await journal.append({ n: 3 });
    expect(await journal.readAll()).toEqual([{ n: 1 }, { n: 3 }]);
    await journal.close();
  });

  it('finds the torn tail across more than one read chunk', async () => {
    const file = await journalFile();
    await fs.mkdir(path.dirname(file), { recursive: true });
    const long = JSON.stringify({ text: 'x'.repeat(200_000) });
    await fs.writeFile(file, `${long}\n${long.slice(0, 150_000)}`);
    const journal = await openJournal(file);
    expect(await journal.readAll()).toHaveLength(1);
    expect((await fs.stat(file)).size).toBe(long.length + 1);
    await journal.close();
  });

  it('reports damage in the middle of the file', async () => {
    const file = await journalFile();
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, '{"n":1}\nnot json\n{"n":3}\n');
    const journal = await openJournal(file);
    const error = await journal.readAll().catch((e: unknown) => e);
    expect(isStoreError(error, 'journal_corrupt')).toBe(true);
    await journal.close();
  });

  it('keeps many concurrent appends whole and in order', async () => {
    const file = await journalFile();
    const journal = await openJournal(file);
    const records = Array.from({ length: 500 }, (_, i) => ({ i, pad: 'p'.repeat(i % 50) }));
    await Promise.all(records.map((r) => journal.append(r)));
    expect(await journal.readAll()).toEqual(records);
    const lines = (await fs.readFile(file, 'utf8')).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(records);
    await journal.close();
  });

  it('sees appends made just before readAll', async () => {
    const journal = await openJournal(await journalFile());
    void journal.append({ a: 1 });
    expect(await journal.readAll()).toEqual([{ a: 1 }]);
    await journal.close();
  });

  it('refuses what is not JSON and appends after close', async () => {
    const journal = await openJournal(await journalFile());
    await expect(journal.append(undefined)).rejects.toThrow(TypeError);
    await journal.close();
    const error = await journal.append({ late: true }).catch((e: unknown) => e);
    expect(isStoreError(error, 'closed')).toBe(true);
  });

  it('rewrites to the lines kept, with appends made meanwhile going to the new file', async () => {
    const file = await journalFile();
    const journal = await openJournal(file);
    await Promise.all(Array.from({ length: 10 }, (_, n) => journal.append({ n })));
    const keepOdd = (line: string) => (JSON.parse(line) as { n: number }).n % 2 === 1;
    const during = [
      journal.rewrite(keepOdd),
      journal.append({ n: 100 }),
      journal.append({ n: 102 }),
    ];
    await Promise.all(during);
    const expected = [1, 3, 5, 7, 9, 100, 102].map((n) => ({ n }));
    expect(await journal.readAll()).toEqual(expected);
    expect(journal.lineCount).toBe(7);
    await journal.append({ n: 104 });
    await journal.close();
    const again = await openJournal(file);
    expect(await again.readAll()).toEqual([...expected, { n: 104 }]);
    expect(again.lineCount).toBe(8);
    expect(again.byteCount).toBe((await fs.stat(file)).size);
    await again.close();
  });

  it('counts lines and bytes, including appends not yet written', async () => {
    const journal = await openJournal(await journalFile());
    const written = journal.appendLine('{"a":1}');
    expect([journal.lineCount, journal.byteCount]).toEqual([1, 8]);
    await written;
    await journal.rewrite(() => false);
    expect([journal.lineCount, journal.byteCount]).toEqual([0, 0]);
    await journal.close();
    await expect(journal.rewrite(() => true)).rejects.toThrow(/closed/);
  });

  it('removes a .tmp left by a crash mid-rewrite and keeps the journal', async () => {
    const file = await journalFile();
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, '{"n":1}\n');
    await fs.writeFile(`${file}.tmp`, '{"n":');
    const journal = await openJournal(file);
    expect(await journal.readAll()).toEqual([{ n: 1 }]);
    await expect(fs.access(`${file}.tmp`)).rejects.toThrow();
    await journal.close();
  });
});
