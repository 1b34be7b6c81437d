/**
 * Front matter of a corpus file: `---`, one `key: value` per line, `---`.
 * Values are JSON literals (strings in double quotes, or true/false), so no YAML library is needed
 * and every value round-trips exactly.
 */
export interface FrontMatter {
  fields: Record<string, string | boolean>;
  body: string;
}

export function parseFrontMatter(source: string): FrontMatter {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (!match) throw new Error('missing front matter (the file must start with ---)');
  const fields: Record<string, string | boolean> = {};
  for (const [index, line] of match[1].split('\n').entries()) {
    if (line.trim() === '') continue;
    const kv = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(line);
    if (!kv) throw new Error(`front matter line ${index + 2} is not "key: value"`);
    let value: unknown;
    try {
      value = JSON.parse(kv[2]);
    } catch {
      throw new Error(`front matter "${kv[1]}" is not a JSON string or boolean`);
    }
    if (typeof value !== 'string' && typeof value !== 'boolean') {
      throw new Error(`front matter "${kv[1]}" must be a string or boolean`);
    }
    fields[kv[1]] = value;
  }
  return { fields, body: text.slice(match[0].length) };
}
