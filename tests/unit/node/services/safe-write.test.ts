// Verified writes and plain reads against a disk that misbehaves (see faulty-fs.ts): short
// writes, a disk that fills up part way, writes that make no progress, a file read back wrong,
// read errors that pass and ones that do not.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeDataFs } from '../../../../node/services/data-fs';
import { readJsonFile, writeJsonFileAtomic } from '../../../../node/services/json-file';
import { writeFileVerified } from '../../../../node/services/safe-write';
import { faultyFs } from './faulty-fs';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'safe-write-'));
  file = path.join(dir, 'data.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every file in the folder with its content. */
async function folder(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    out[name] = await readFile(path.join(dir, name), 'utf8');
  }
  return out;
}

const big = (n: number) => ({ n, text: '批注'.repeat(500) });

describe('verified writes', () => {
  it('writes every byte through short writes', async () => {
    const fs = faultyFs({ maxBytesPerWrite: 3 });
    await writeJsonFileAtomic(file, big(1), fs);
    await writeJsonFileAtomic(file, big(2), fs);
    expect(await readJsonFile(file)).toEqual({ status: 'ok', data: big(2) });
    expect(await readJsonFile(`${file}.bak`)).toEqual({ status: 'ok', data: big(1) });
    expect(Object.keys(await folder())).toEqual(['data.json', 'data.json.bak']);
  });

  it.each([
    ['before the first byte', 0],
    ['part way through the new file', 700],
    ['part way through the backup, after the new file was written', 'after-main'],
  ] as const)(
    'refuses the save when the disk fills up %s, and changes nothing',
    async (_, space) => {
      await writeJsonFileAtomic(file, big(1));
      await writeJsonFileAtomic(file, big(2));
      const before = await folder();
      const newBytes = Buffer.byteLength(`${JSON.stringify(big(3), null, 2)}\n`);
      const fs = faultyFs({ spaceLeft: space === 'after-main' ? newBytes + 100 : space });

      const error = await writeJsonFileAtomic(file, big(3), fs).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'ENOSPC' });
      expect(await folder()).toEqual(before);

      // The disk has room again: the next save works.
      await writeJsonFileAtomic(file, big(3), faultyFs({}));
      expect(await readJsonFile(file)).toEqual({ status: 'ok', data: big(3) });
      expect(await readJsonFile(`${file}.bak`)).toEqual({ status: 'ok', data: big(2) });
    },
  );

  it('treats a write that makes no progress as an error instead of looping or truncating', async () => {
    await writeJsonFileAtomic(file, { v: 1 });
    const before = await folder();
    const error = await writeJsonFileAtomic(file, { v: 2 }, faultyFs({ zeroWrites: true })).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'EIO' });
    expect(await folder()).toEqual(before);
  });

  it('does not rename a temp file that reads back different from what was written', async () => {
    await writeJsonFileAtomic(file, { v: 1 });
    const before = await folder();
    const lying = {
      ...nodeDataFs,
      readFile: async (f: string) =>
        f.includes('.tmp-') ? Buffer.from('{"v": 2') : nodeDataFs.readFile(f),
    };
    const error = await writeFileVerified(file, Buffer.from('{"v": 2}\n'), { fs: lying }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'EIO' });
    expect(await folder()).toEqual(before);
  });

  it('never makes the backup from a main file that does not parse; keeps that file aside', async () => {
    await writeJsonFileAtomic(file, { v: 1 });
    await writeJsonFileAtomic(file, { v: 2 });
    await writeFile(file, '{"v": 3, "trunc');

    await writeJsonFileAtomic(file, { v: 4 });
    expect(await readJsonFile(`${file}.bak`)).toEqual({ status: 'ok', data: { v: 1 } });
    expect(await readJsonFile(file)).toEqual({ status: 'ok', data: { v: 4 } });
    const aside = Object.entries(await folder()).filter(([name]) => name.includes('.corrupt-'));
    expect(aside.map(([, text]) => text)).toEqual(['{"v": 3, "trunc']);
  });
});

describe('reads: errors are not corruption', () => {
  it('retries a transient EIO and then reads the file, setting nothing aside', async () => {
    await writeJsonFileAtomic(file, { v: 1 });
    const fs = faultyFs({ readErrors: { match: (f) => f === file, codes: ['EIO', 'EAGAIN'] } });
    expect(await readJsonFile(file, fs)).toEqual({ status: 'ok', data: { v: 1 } });
    expect(fs.reads.filter((f) => f === file)).toHaveLength(3);
    expect(Object.keys(await folder())).toEqual(['data.json']);
  });

  it.each([
    ['a persistent EIO', Array(10).fill('EIO') as string[], 'EIO'],
    ['EACCES (no permission)', ['EACCES'], 'EACCES'],
  ])('reports %s as unreadable and leaves the file where it is', async (_, codes, code) => {
    await writeJsonFileAtomic(file, { v: 1 });
    const fs = faultyFs({ readErrors: { match: (f) => f === file, codes } });
    const result = await readJsonFile(file, fs);
    expect(result).toMatchObject({ status: 'unreadable', code });
    expect(await folder()).toEqual({ 'data.json': '{\n  "v": 1\n}\n' });
  });
});
