import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';

/**
 * `npm run audit`: Electronegativity over src/, offline. Fails on any HIGH or MEDIUM finding,
 * and on any `eng-disable` comment (the way a finding is accepted) that does not say why after
 * ` -- ` at the flagged line. Prints both lists; runs in .ci/run. The programmatic runner is used
 * because the CLI's CSV writer races its own header and can lose the first finding.
 */
const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const OFFLINE = ['availablesecurityfixesglobalcheck', 'electronversionjsoncheck'];

interface Issue {
  id: string;
  severity: { name: string };
  confidence: { name: string };
  file: string;
  location: { line: number; column: number };
  description: string;
}
type Run = (options: Record<string, unknown>) => Promise<{ issues: Issue[]; errors: unknown[] }>;

async function findings(): Promise<Issue[]> {
  const run = require('@doyensec/electronegativity/dist/runner.js') as Run;
  const electron = require('electron/package.json') as { version: string };
  const result = await run({
    input: join(ROOT, 'src'),
    customScan: [],
    excludeFromScan: OFFLINE,
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: electron.version,
    parserPlugins: [],
  });
  if (result.errors.length > 0)
    throw new Error(`files not parsed: ${JSON.stringify(result.errors)}`);
  return result.issues;
}

/** Every `eng-disable` comment in src/, with its reason (the words after ` -- `). */
async function acceptances(): Promise<{ where: string; checks: string[]; reason: string }[]> {
  const files = (await readdir(join(ROOT, 'src'), { recursive: true }))
    .filter((f) => /\.(ts|tsx|html)$/.test(f))
    .map((f) => join(ROOT, 'src', f));
  const found = [];
  for (const file of files) {
    const lines = (await readFile(file, 'utf8')).split('\n');
    for (const [i, line] of lines.entries()) {
      const m = /eng-disable\s+([\w\s]+?)(?:\s+--\s+(.*))?$/.exec(line);
      if (!m) continue;
      found.push({
        where: `${relative(ROOT, file)}:${i + 1}`,
        checks: m[1]!.trim().split(/\s+/),
        reason: (m[2] ?? '').trim(),
      });
    }
  }
  return found;
}

const all = await findings();
const serious = all.filter((f) => f.severity.name === 'HIGH' || f.severity.name === 'MEDIUM');
const accepted = await acceptances();
const unexplained = accepted.filter((a) => a.reason.split(/\s+/).length < 4);

console.log(`Electronegativity: ${all.length} finding(s), ${serious.length} HIGH or MEDIUM`);
for (const f of all) {
  const at = `src/${f.file}:${f.location.line}`;
  console.log(
    `  ${f.severity.name.padEnd(6)} ${f.id} ${at} (${f.confidence.name}) — ${f.description}`,
  );
}
console.log(`Accepted at the flagged line (${accepted.length}):`);
for (const a of accepted) console.log(`  ${a.where} ${a.checks.join(', ')} — ${a.reason}`);

if (serious.length > 0 || unexplained.length > 0) {
  for (const a of unexplained) console.error(`  no reason given: ${a.where}`);
  console.error('audit: failed');
  process.exit(1);
}
console.log('audit: passed');
