// Shared helpers for the importer tests: the project's own import fixtures and the genuine
// corpus next to the project (../shared/corpus), which CI must have and a laptop may not.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ViewerError } from '../../../../core/api/errors';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export const fixtureDir = path.join(root, 'tests/fixtures/import');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(fixtureDir, name)));
}

/** The fixture report's paragraphs, as written (the source every format was made from). */
export function fixtureParagraphs(): string[] {
  return fs
    .readFileSync(path.join(fixtureDir, 'report.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/** The genuine files folder, or null when this checkout has no corpus beside it. */
export function corpusDir(): string | null {
  const dir = path.resolve(root, '../shared/corpus/formats');
  return fs.existsSync(path.join(dir, 'SOURCES.txt')) ? dir : null;
}

/** Non-whitespace characters in order: what "no character lost" compares. */
export function inkOf(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** Awaits the promise and returns the ViewerError it rejects with (fails on anything else). */
export async function rejection(promise: Promise<unknown>): Promise<ViewerError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ViewerError) return error;
    throw new Error(`expected a ViewerError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a rejection, the import succeeded');
}
