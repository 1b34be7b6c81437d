/**
 * W3C Web Annotation Data Model conformance checker for unit tests.
 *
 * Runs the W3C Web Annotation WG conformance assertions (JSON Schema draft-04 files plus `.test`
 * lists, kept byte for byte in tests/fixtures/w3c-annotation-model — see SOURCE.md there) against a
 * document and reports every MUST assertion that did not give its expected result.
 *
 * Semantics follow the WG's JSONtest harness (annotation-model/scripts/JSONtest.js and README.md in
 * web-platform-tests), with the harness's display-only behaviour replaced by a plain result list:
 *
 * Entries of an `assertions` list may be
 * - a path: with no slash it is relative to the `.test` file's folder, otherwise relative to the top
 *   of the fixture folder (absolute paths / URLs are rejected: we never fetch anything);
 * - a nested list: evaluated in order as its own level (a skip stops only that list); it yields one
 *   result, the AND of the entries it actually evaluated;
 * - an object with `assertions` (a condition object): its children are evaluated silently (they are
 *   not reported one by one) and combined with `compareWith` — `and` (default: every evaluated child
 *   gave its expected result; vacuously true) or `or` (at least one did; false if none ran). The
 *   combined value is then compared with the object's own `expectedResult` (`valid` = combined value
 *   must be true, `invalid` = it must be false) and reported like any assertion;
 * - an object with `assertionFile`: that file's schema with the object's other keys laid over it;
 * - any other object: an inline assertion schema.
 *
 * Defaults as in the harness: `expectedResult` = `valid`, `assertionType` = `must`,
 * `onUnexpectedResult` = `failAndContinue`, `compareWith` = `and`.
 *
 * `onUnexpectedResult` is consulted only when the result is NOT the expected one (an expected result
 * always continues). The first half says whether the unexpected result counts as a failure, the
 * second half what happens to the rest of the list:
 * - `failAndContinue`  — failure; keep evaluating the rest of the list.
 * - `failAndSkip`      — failure; skip the remaining entries of the current list (nested list or
 *                        condition object), the enclosing lists carry on.
 * - `failAndAbort`     — failure; stop evaluating the whole `.test` file.
 * - `passAndContinue`  — not a failure (the harness uses it for SHOULD/MAY "implemented" checks);
 *                        keep going.
 * - `passAndSkip`      — not a failure; skip the rest of the current list.
 * - `passAndAbort`     — not a failure; stop evaluating the whole `.test` file.
 * - `succeedAnd{Continue,Skip,Abort}` are accepted as spellings of `passAnd…`.
 * Any other value makes loading throw, so a changed fixture cannot be silently misread. In the
 * shipped fixtures only `failAndContinue` (all 79 MUSTs) and `passAndContinue` (all SHOULD/MAY)
 * occur; there are no compound entries, nested lists, inline objects or `invalid` expectations.
 * (The original harness also shows `pass…` results as failed sub-tests in its UI; we do not.)
 *
 * Only `assertionType: "must"` assertions are reported. Non-must entries are still evaluated so that
 * their `…Skip`/`…Abort` control flow is honoured, but their results never reach the output. Children
 * of a condition object count only through the condition object, whatever their own type. A `.test`
 * file's `skipFailures` list (assertion types whose unexpected results are not reported) is honoured.
 *
 * Validation: ajv-draft-04, strict mode off, ajv-formats (full mode), every definitions/*.json added
 * under its `id` so `$ref`s like `collections.json#/definitions/…` resolve, and `date-time`
 * overridden to require an explicit time zone (`Z` or `±hh:mm`), as SOURCE.md asks.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { AnySchemaObject, ValidateFunction } from 'ajv';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

export type MustTestFile =
  | 'annotations/annotationMusts.test'
  | 'collections/collectionMusts.test'
  | 'collections/pages/pageMusts.test';

const FIXTURES = join(import.meta.dirname, '../../fixtures/w3c-annotation-model');

type Expected = 'valid' | 'invalid';
type AssertionType = 'must' | 'should' | 'may';
type Action = 'continue' | 'skip' | 'abort';

interface Meta {
  label: string;
  expected: Expected;
  type: AssertionType;
  /** Whether an unexpected result is a failure (`fail…`) or not (`pass…`/`succeed…`). */
  counts: boolean;
  /** What to do with the rest of the list after an unexpected result. */
  then: Action;
  message: string;
}

type Node =
  | { kind: 'list'; children: Node[] }
  | { kind: 'group'; meta: Meta; compareWith: 'and' | 'or'; children: Node[] }
  | { kind: 'schema'; meta: Meta; validate: ValidateFunction };

interface Suite {
  nodes: Node[];
  skipFailures: ReadonlySet<string>;
}

// ---------------------------------------------------------------------------------------------
// Loading

let ajvInstance: Ajv | undefined;
const suites = new Map<MustTestFile, Suite>();
const compiledFiles = new Map<string, ValidateFunction>();

/** RFC 3339 `date-time` with a mandatory time zone; calendar fields are range-checked. */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

export function isDateTimeWithZone(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second, tzH, tzM] = m
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part)));
  const isLeap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth[month - 1] &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 60 && // leap second
    tzH <= 23 &&
    tzM <= 59
  );
}

function readJson(relPath: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, relPath), 'utf8')) as unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function getAjv(): Ajv {
  if (ajvInstance) return ajvInstance;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('date-time', { type: 'string', validate: isDateTimeWithZone });
  for (const name of readdirSync(join(FIXTURES, 'definitions')).sort()) {
    if (!name.endsWith('.json')) continue;
    const schema = readJson(`definitions/${name}`);
    if (!isRecord(schema) || typeof schema.id !== 'string') {
      throw new Error(`definitions/${name}: expected a schema object with a string "id"`);
    }
    ajv.addSchema(schema as AnySchemaObject);
  }
  ajvInstance = ajv;
  return ajv;
}

/** Resolve an assertion reference the way the harness does (see header comment). */
function resolveRef(ref: string, testDir: string): string {
  if (ref.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(ref)) {
    throw new Error(`absolute assertion reference not supported: ${ref}`);
  }
  const resolved = ref.includes('/') ? posix.normalize(ref) : posix.join(testDir, ref);
  if (resolved.startsWith('..')) throw new Error(`assertion reference escapes fixtures: ${ref}`);
  return resolved;
}

function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  fallback: T,
  where: string,
): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  throw new Error(`${where}: unsupported value ${JSON.stringify(value)}`);
}

function parseOnUnexpected(value: unknown, where: string): { counts: boolean; then: Action } {
  if (value === undefined) return { counts: true, then: 'continue' };
  const m =
    typeof value === 'string' ? /^(fail|pass|succeed)And(Continue|Skip|Abort)$/.exec(value) : null;
  if (!m) throw new Error(`${where}: unsupported onUnexpectedResult ${JSON.stringify(value)}`);
  return { counts: m[1] === 'fail', then: m[2].toLowerCase() as Action };
}

function parseMeta(obj: Record<string, unknown>, label: string): Meta {
  const expected = oneOf(obj.expectedResult, ['valid', 'invalid'] as const, 'valid', label);
  const rawType =
    typeof obj.assertionType === 'string' ? obj.assertionType.toLowerCase() : obj.assertionType;
  const type = oneOf(rawType, ['must', 'should', 'may'] as const, 'must', label);
  const { counts, then } = parseOnUnexpected(obj.onUnexpectedResult, label);
  const message =
    typeof obj.errorMessage === 'string' ? obj.errorMessage : `Result was not ${expected}`;
  return { label, expected, type, counts, then, message };
}

function compileSchema(schema: Record<string, unknown>, label: string): ValidateFunction {
  try {
    return getAjv().compile(schema as AnySchemaObject);
  } catch (err) {
    throw new Error(`${label}: schema does not compile: ${(err as Error).message}`, { cause: err });
  }
}

function compileFile(path: string): {
  schema: Record<string, unknown>;
  validate: ValidateFunction;
} {
  const schema = readJson(path);
  if (!isRecord(schema)) throw new Error(`${path}: not a JSON object`);
  let validate = compiledFiles.get(path);
  if (!validate) {
    validate = compileSchema(schema, path);
    compiledFiles.set(path, validate);
  }
  return { schema, validate };
}

/** Copy of a schema without its `id`, so a modified copy does not clash with the original. */
function withoutId(schema: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...schema };
  delete copy.id;
  return copy;
}

function buildNodes(entries: unknown, testDir: string, where: string): Node[] {
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new Error(`${where}: an assertion list must be a non-empty array`);
  }
  return entries.map((entry, i) => buildNode(entry, testDir, `${where}[${i}]`));
}

function buildNode(entry: unknown, testDir: string, where: string): Node {
  if (typeof entry === 'string') {
    const path = resolveRef(entry, testDir);
    const { schema, validate } = compileFile(path);
    return { kind: 'schema', meta: parseMeta(schema, path), validate };
  }
  if (Array.isArray(entry)) {
    return { kind: 'list', children: buildNodes(entry, testDir, where) };
  }
  if (!isRecord(entry)) throw new Error(`${where}: unsupported assertion entry`);
  const title = typeof entry.title === 'string' ? `: ${entry.title}` : '';
  if ('assertions' in entry) {
    if ('assertionFile' in entry) {
      throw new Error(`${where}: a condition object must not have an assertionFile`);
    }
    const compareWith = oneOf(entry.compareWith, ['and', 'or'] as const, 'and', where);
    return {
      kind: 'group',
      meta: parseMeta(entry, `${where} (${compareWith})${title}`),
      compareWith,
      children: buildNodes(entry.assertions, testDir, where),
    };
  }
  if (typeof entry.assertionFile === 'string') {
    const path = resolveRef(entry.assertionFile, testDir);
    const { schema } = compileFile(path);
    const merged: Record<string, unknown> = withoutId(schema);
    for (const [key, value] of Object.entries(entry)) {
      if (key !== 'assertionFile') merged[key] = value;
    }
    const label = `${path} (as overridden at ${where})`;
    return {
      kind: 'schema',
      meta: parseMeta(merged, label),
      validate: compileSchema(merged, label),
    };
  }
  const label = `${where} (inline)${title}`;
  return {
    kind: 'schema',
    meta: parseMeta(entry, label),
    validate: compileSchema(withoutId(entry), label),
  };
}

function buildSuite(test: unknown, testDir: string, label: string): Suite {
  if (!isRecord(test)) throw new Error(`${label}: a test must be a JSON object`);
  const skipFailures = Array.isArray(test.skipFailures)
    ? test.skipFailures
        .filter((t): t is string => typeof t === 'string')
        .map((t) => t.toLowerCase())
    : [];
  return {
    nodes: buildNodes(test.assertions, testDir, label),
    skipFailures: new Set(skipFailures),
  };
}

function loadSuite(testFile: MustTestFile): Suite {
  let suite = suites.get(testFile);
  if (!suite) {
    suite = buildSuite(readJson(testFile), posix.dirname(testFile), testFile);
    suites.set(testFile, suite);
  }
  return suite;
}

// ---------------------------------------------------------------------------------------------
// Evaluation

interface ListOutcome {
  /** One entry per evaluated child: did it give its expected result? */
  results: boolean[];
  aborted: boolean;
}

/**
 * Evaluate `nodes` in order. `report` receives every unexpected, failure-counting result at this
 * level; it is undefined inside condition objects, whose children are judged only collectively.
 */
function runList(
  nodes: readonly Node[],
  doc: unknown,
  suite: Suite,
  report: ((meta: Meta) => void) | undefined,
): ListOutcome {
  const results: boolean[] = [];
  for (const node of nodes) {
    if (node.kind === 'list') {
      const inner = runList(node.children, doc, suite, report);
      results.push(inner.results.every(Boolean));
      if (inner.aborted) return { results, aborted: true };
      continue;
    }
    let asExpected: boolean;
    let childAborted = false;
    if (node.kind === 'group') {
      const inner = runList(node.children, doc, suite, undefined);
      const combined =
        node.compareWith === 'or' ? inner.results.some(Boolean) : inner.results.every(Boolean);
      asExpected = combined === (node.meta.expected === 'valid');
      childAborted = inner.aborted;
    } else {
      asExpected = node.validate(doc) === (node.meta.expected === 'valid');
    }
    results.push(asExpected);
    if (!asExpected) reportIfCounted(node.meta, suite, report);
    if (childAborted || (!asExpected && node.meta.then === 'abort')) {
      return { results, aborted: true };
    }
    if (!asExpected && node.meta.then === 'skip') break;
  }
  return { results, aborted: false };
}

function reportIfCounted(
  meta: Meta,
  suite: Suite,
  report: ((meta: Meta) => void) | undefined,
): void {
  if (report && meta.counts && meta.type === 'must' && !suite.skipFailures.has(meta.type)) {
    report(meta);
  }
}

function run(suite: Suite, doc: unknown): string[] {
  const failures: string[] = [];
  runList(suite.nodes, doc, suite, (meta) => failures.push(`${meta.label}: ${meta.message}`));
  return failures;
}

/**
 * Check `doc` against the MUST assertions of one W3C `.test` file. Returns one message
 * (`<assertion path>: <errorMessage>`) per MUST assertion whose result differs from its
 * `expectedResult`; an empty array means the document conforms. The `.test` file, its assertions
 * and the definitions are loaded and compiled once, then cached.
 */
export function mustFailures(doc: unknown, testFile: MustTestFile): string[] {
  return run(loadSuite(testFile), doc);
}

/**
 * Same as {@link mustFailures} for an in-memory `.test` object (used to exercise compound entries
 * and `onUnexpectedResult` handling, which the shipped `.test` files do not use). Path entries
 * resolve against the fixture folder (`testDir` for paths without a slash). Not cached.
 */
export function mustFailuresOfTest(test: unknown, doc: unknown, testDir = '.'): string[] {
  return run(buildSuite(test, testDir, '<inline test>'), doc);
}
