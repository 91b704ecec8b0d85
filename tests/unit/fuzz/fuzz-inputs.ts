/**
 * Shared by the two fuzz tests (IPC and the browser host's HTTP): hostile requests as
 * fast-check arbitraries, a valid request per channel to mutate, the error-envelope check, and
 * a byte-for-byte snapshot of the data dir.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Annotation } from '../../../core/annotations/annotation-model';
import { CHANNELS, type ApiRequest, type Channel } from '../../../core/api/contract';
import type { PrintRequest } from '../../../core/print/print-options';
import { ERROR_CODES } from '../../../core/api/errors';

export const REPORT_ID = 'jiangning-2023-rule-of-law-government-report.txt';
export const reportsDir = path.resolve(import.meta.dirname, '../../../resources/reports');

/** Keys that name something on every object's prototype chain, as a request might. */
export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  '__lookupSetter__',
  'toLocaleString',
] as const;

const NOW = '2024-03-05T08:00:00.000Z';

const validAnnotation: Annotation = {
  id: 'fuzz-template',
  reportId: REPORT_ID,
  kind: 'highlight',
  color: 'yellow',
  note: '',
  tags: ['复议'],
  target: {
    sectionId: 's1',
    start: { paragraphId: 's1-p0', offset: 0 },
    end: { paragraphId: 's1-p0', offset: 4 },
    position: { start: 10, end: 14 },
    quote: { exact: '法治政府', prefix: '', suffix: '' },
  },
  created: NOW,
  updated: NOW,
};

const printRequest: PrintRequest = {
  reportId: REPORT_ID,
  sectionIds: ['s1', 's2'],
  options: { layout: 'gongwen', paper: 'A4', metadata: false, annotations: 'none' },
};

/** One valid request per channel: the starting point of the mutations. */
export const VALID_REQUESTS: { [C in Channel]: ApiRequest<C> } = {
  getAppInfo: {},
  listReports: {},
  openReport: { reportId: REPORT_ID },
  getSettings: {},
  updateSettings: { patch: { fontSize: 20, theme: 'dark' } },
  listAnnotations: { reportId: REPORT_ID },
  saveAnnotation: { annotation: validAnnotation },
  deleteAnnotation: { reportId: REPORT_ID, id: 'fuzz-template' },
  importAnnotations: { reportId: REPORT_ID, annotations: [validAnnotation] },
  exportPdf: printRequest,
  getPrintJob: { jobId: 'AAAAAAAAAAAAAAAAAAAA' },
  printPages: printRequest,
  showInFolder: { path: '/tmp/报告.pdf' },
  // Empty bytes: a valid request the importer refuses, so fuzzing does not fill the library
  // (and no mutation can delete an element of a typed array, which throws).
  importReportFile: { fileName: '报告.txt', bytes: new Uint8Array(0) },
  chooseAndImportReports: {},
  renameReport: { reportId: REPORT_ID, title: '改过的标题' },
  removeReport: { reportId: 'lib-0123456789abcdef' },
  searchLibrary: { query: '法治', limitPerReport: 5 },
};

/** A value nested `depth` levels deep, in arrays or objects (or both, alternating). */
export function nested(depth: number, shape: 'array' | 'object' | 'mixed'): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) {
    const asArray = shape === 'array' || (shape === 'mixed' && i % 2 === 0);
    value = asArray ? [value] : { a: value };
  }
  return value;
}

const HUGE_ASCII = 'x'.repeat(3 * 1024 * 1024);
const HUGE_CJK = '法'.repeat(1024 * 1024);

/** Strings a validator can trip on. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '18',
      '-1',
      '1e309',
      'NaN',
      'Infinity',
      'null',
      'undefined',
      'true',
      '{}',
      '[]',
      '..',
      '.',
      '../secret.txt',
      '..\\secret.txt',
      '/etc/passwd',
      'C:\\Windows\\win.ini',
      'a\0b',
      '\u202e',
      '\ud800',
      '%2e%2e%2f',
      REPORT_ID,
      `${REPORT_ID}/../../x`,
      ...PROTOTYPE_KEYS,
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(HUGE_ASCII, HUGE_CJK) },
);

/** Numbers at the edges, NaN and the infinities included. */
export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -0,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_VALUE,
    1e308,
    12,
    32,
    33,
  ),
);

/** Objects that try the prototype: own keys named __proto__, constructor, … */
export const prototypeObject: fc.Arbitrary<unknown> = fc
  .tuple(fc.constantFrom(...PROTOTYPE_KEYS), fc.jsonValue({ maxDepth: 2 }))
  .map(([key, value]) =>
    JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify({ polluted: true, value })}}`),
  );

export interface GarbageOptions {
  /** Values structured clone can carry but JSON cannot (IPC only). */
  nonJson: boolean;
}

/** Any value, weighted towards what breaks validators and parsers. */
export function garbage({ nonJson }: GarbageOptions): fc.Arbitrary<unknown> {
  const plain = nonJson
    ? fc.anything({
        maxDepth: 3,
        maxKeys: 6,
        withBigInt: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withTypedArray: true,
        withSparseArray: true,
        withNullPrototype: true,
        withBoxedValues: true,
        withObjectString: true,
      })
    : fc.jsonValue({ maxDepth: 3 });
  return fc.oneof(
    { weight: 6, arbitrary: plain },
    { weight: 2, arbitrary: nastyString },
    { weight: 2, arbitrary: nastyNumber as fc.Arbitrary<unknown> },
    { weight: 1, arbitrary: prototypeObject },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 50, max: 3000 }), fc.constantFrom('array', 'object', 'mixed'))
        .map(([depth, shape]) => nested(depth, shape as 'array' | 'object' | 'mixed')),
    },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, [], {}, [{}], [[]]) },
  );
}

/** Every place in a JSON-like value: a list of keys from the root. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  }
  return out;
}

const MUTATIONS = [
  'replace',
  'delete',
  'extra-key',
  'number-as-string',
  'string-as-number',
  'wrap-in-array',
  'array-for-object',
  'json-string',
] as const;

/** A deep copy of `value` with one change at one place. */
export function mutate(
  value: unknown,
  pick: number,
  how: (typeof MUTATIONS)[number],
  replacement: unknown,
  extraKey: string,
): unknown {
  const root = structuredClone(value);
  const paths = pathsOf(root);
  const where = paths[pick % paths.length]!;
  const get = (p: (string | number)[]) =>
    p.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root);
  const current = get(where);
  let next: unknown;
  switch (how) {
    case 'replace':
      next = replacement;
      break;
    case 'delete':
      next = undefined;
      break;
    case 'extra-key':
      // Not on a typed array: a key such as "0" or "-0" is an index there, and defining one
      // outside its length throws in the generator ("Invalid typed array index").
      if (
        current !== null &&
        typeof current === 'object' &&
        !Array.isArray(current) &&
        !ArrayBuffer.isView(current)
      ) {
        Object.defineProperty(current, extraKey, {
          value: replacement,
          enumerable: true,
          configurable: true,
          writable: true,
        });
        return root;
      }
      next = replacement;
      break;
    case 'number-as-string':
      next = typeof current === 'number' ? String(current) : replacement;
      break;
    case 'string-as-number':
      next = typeof current === 'string' ? Number(current) : replacement;
      break;
    case 'wrap-in-array':
      next = [current];
      break;
    case 'array-for-object':
      next =
        current !== null && typeof current === 'object' ? Object.values(current) : [replacement];
      break;
    case 'json-string':
      next = JSON.stringify(current) ?? 'undefined';
      break;
  }
  if (where.length === 0) return next;
  const parent = get(where.slice(0, -1)) as Record<string | number, unknown>;
  const key = where[where.length - 1]!;
  if (how === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else {
    parent[key] = next;
  }
  return root;
}

/** A real channel's valid request with one thing wrong (or, by chance, still right). */
export function mutatedRequest(options: GarbageOptions): fc.Arbitrary<[Channel, unknown]> {
  return fc
    .tuple(
      fc.constantFrom(...CHANNELS),
      fc.nat(),
      fc.constantFrom(...MUTATIONS),
      garbage(options),
      fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 12 })),
    )
    .map(([channel, pick, how, replacement, extraKey]) => [
      channel,
      mutate(VALID_REQUESTS[channel], pick, how, replacement, extraKey),
    ]);
}

/** Channel names: real ones, prototype keys, near misses and random strings. */
export const channelName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...CHANNELS),
  fc.constantFrom(...PROTOTYPE_KEYS),
  fc.constantFrom(...CHANNELS).map((c) => c.toUpperCase()),
  fc.constantFrom(...CHANNELS).map((c) => `${c} `),
  fc.constantFrom(...CHANNELS).map((c) => `${c}/x`),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', ' ', '.', '..', '%00', 'getSettings\0', 'api', 'viewer:', 'viewer:viewer:'),
);

/** What every refusal must look like: a known code and a message in Chinese and English. */
export function expectEnvelope(result: unknown): asserts result is {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string; messageEn: string };
} {
  expect(result).toBeTypeOf('object');
  const r = result as { ok?: unknown; value?: unknown; error?: Record<string, unknown> };
  expect(typeof r.ok).toBe('boolean');
  if (r.ok) {
    expect(r).toHaveProperty('value');
    return;
  }
  const error = r.error ?? {};
  expect(ERROR_CODES).toContain(error.code);
  expect(error.message).toBeTypeOf('string');
  expect(error.message as string).toMatch(/[\u4e00-\u9fff]/);
  expect(error.messageEn).toBeTypeOf('string');
  expect((error.messageEn as string).trim()).not.toBe('');
}

/** Every file under `dir` with a hash of its bytes, to compare before and after a request. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    const key = path.relative(dir, full) + (entry.isDirectory() ? '/' : '');
    files.set(
      key,
      entry.isFile()
        ? createHash('sha256')
            .update(await readFile(full))
            .digest('hex')
        : 'dir',
    );
  }
  return files;
}

/** Nothing on Object.prototype that was not there before (a polluted prototype shows here). */
export function prototypeKeys(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}
