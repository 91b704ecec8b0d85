import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  backupPathFor,
  readJsonFile,
  writeJsonFileAtomic,
} from '../../../../node/services/json-file';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'json-file-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeJsonFileAtomic + readJsonFile', () => {
  it('round-trips data, Chinese text included', async () => {
    const file = path.join(dir, 'data.json');
    const data = { name: '设置', n: 18, list: [1, 'two', null], nested: { ok: true } };
    await writeJsonFileAtomic(file, data);
    expect(await readJsonFile(file)).toEqual({ status: 'ok', data });
  });

  it('creates missing parent folders', async () => {
    const file = path.join(dir, 'a', 'b', 'data.json');
    await writeJsonFileAtomic(file, { x: 1 });
    expect(await readJsonFile(file)).toEqual({ status: 'ok', data: { x: 1 } });
  });

  it('writes no backup on the first write', async () => {
    const file = path.join(dir, 'data.json');
    await writeJsonFileAtomic(file, { v: 1 });
    expect(await readdir(dir)).toEqual(['data.json']);
  });

  it('keeps the previous content, byte for byte, in <file>.bak', async () => {
    const file = path.join(dir, 'data.json');
    await writeJsonFileAtomic(file, { v: 1, text: '第一版' });
    const first = await readFile(file);
    await writeJsonFileAtomic(file, { v: 2 });
    expect(backupPathFor(file)).toBe(`${file}.bak`);
    expect(await readFile(`${file}.bak`)).toEqual(first);
    expect(await readJsonFile(file)).toEqual({ status: 'ok', data: { v: 2 } });

    const second = await readFile(file);
    await writeJsonFileAtomic(file, { v: 3 });
    expect(await readFile(`${file}.bak`)).toEqual(second);
    expect(await readJsonFile(`${file}.bak`)).toEqual({ status: 'ok', data: { v: 2 } });
  });

  it('leaves no temporary files behind', async () => {
    const file = path.join(dir, 'data.json');
    for (let i = 0; i < 5; i++) await writeJsonFileAtomic(file, { i });
    expect((await readdir(dir)).sort()).toEqual(['data.json', 'data.json.bak']);
    expect(await readJsonFile(file)).toEqual({ status: 'ok', data: { i: 4 } });
  });
});

describe('readJsonFile', () => {
  it('reports a missing file as missing and creates nothing', async () => {
    const file = path.join(dir, 'nothing.json');
    expect(await readJsonFile(file)).toEqual({ status: 'missing' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('moves invalid JSON to <file>.corrupt-…, keeping its bytes, and reports it', async () => {
    const file = path.join(dir, 'data.json');
    const bytes = Buffer.concat([
      Buffer.from('{"name": "设置", "fontSize": 1', 'utf8'),
      Buffer.from([0xff, 0xfe, 0x00]),
    ]);
    await writeFile(file, bytes);

    const result = await readJsonFile(file);
    expect(result.status).toBe('corrupt');
    if (result.status !== 'corrupt') return;
    expect(path.dirname(result.movedTo)).toBe(dir);
    expect(path.basename(result.movedTo)).toMatch(/^data\.json\.corrupt-.+/);
    expect(result.reason).not.toBe('');
    expect(await readFile(result.movedTo)).toEqual(bytes);
    await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([path.basename(result.movedTo)]);
  });

  it('never overwrites an earlier set-aside file', async () => {
    const file = path.join(dir, 'data.json');
    await writeFile(file, 'first bad');
    const a = await readJsonFile(file);
    await writeFile(file, 'second bad');
    const b = await readJsonFile(file);
    expect(a.status).toBe('corrupt');
    expect(b.status).toBe('corrupt');
    if (a.status !== 'corrupt' || b.status !== 'corrupt') return;
    expect(a.movedTo).not.toBe(b.movedTo);
    expect(await readFile(a.movedTo, 'utf8')).toBe('first bad');
    expect(await readFile(b.movedTo, 'utf8')).toBe('second bad');
  });

  it('sets aside an empty file rather than treating it as data', async () => {
    const file = path.join(dir, 'data.json');
    await writeFile(file, '');
    const result = await readJsonFile(file);
    expect(result.status).toBe('corrupt');
  });

  it('sets aside something unreadable (a folder) in the file’s place', async () => {
    const file = path.join(dir, 'data.json');
    await mkdir(file);
    const result = await readJsonFile(file);
    expect(result.status).toBe('corrupt');
    if (result.status !== 'corrupt') return;
    expect(await readJsonFile(file)).toEqual({ status: 'missing' });
    await writeJsonFileAtomic(file, { ok: 1 });
    expect(await readJsonFile(file)).toEqual({ status: 'ok', data: { ok: 1 } });
  });
});
