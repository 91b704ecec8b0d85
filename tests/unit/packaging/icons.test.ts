// The committed icons (`npm run icons` makes them from build/icon.svg): each file is what
// electron-builder expects, at the sizes each platform asks for.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES } from '../../../scripts/icon-formats.mjs';

const buildDir = path.resolve(import.meta.dirname, '../../../build');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('the icons', () => {
  it('build/icon.png is 1024 px square', () => {
    expect(pngSize(readFileSync(path.join(buildDir, 'icon.png')))).toEqual([1024, 1024]);
  });

  it.each([16, 24, 32, 48, 64, 128, 256, 512])('build/icons/%ix%i.png for Linux', (size) => {
    const png = readFileSync(path.join(buildDir, 'icons', `${size}x${size}.png`));
    expect(pngSize(png)).toEqual([size, size]);
  });

  it('build/icon.ico holds 16 … 256 px, 32-bit, each entry where its directory says', () => {
    const ico = readFileSync(path.join(buildDir, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes: number[] = [];
    for (let i = 0; i < ico.readUInt16LE(4); i++) {
      const at = 6 + i * 16;
      const size = ico.readUInt8(at) || 256;
      const length = ico.readUInt32LE(at + 8);
      const offset = ico.readUInt32LE(at + 12);
      expect(ico.readUInt16LE(at + 6)).toBe(32);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      const entry = ico.subarray(offset, offset + length);
      if (size === 256) {
        expect(pngSize(entry)).toEqual([256, 256]);
      } else {
        // A BITMAPINFOHEADER: the height counts the image and its mask.
        expect([entry.readUInt32LE(0), entry.readInt32LE(4), entry.readInt32LE(8)]).toEqual([
          40,
          size,
          size * 2,
        ]);
      }
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('build/icon.icns holds every PNG element type macOS uses, 16 … 1024 px', () => {
    const icns = readFileSync(path.join(buildDir, 'icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found = new Map<string, [number, number]>();
    for (let at = 8; at < icns.length;) {
      const type = icns.toString('ascii', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      found.set(type, pngSize(icns.subarray(at + 8, at + length)));
      at += length;
    }
    expect(found).toEqual(new Map(ICNS_TYPES.map(([type, size]) => [type, [size, size]])));
  });
});
