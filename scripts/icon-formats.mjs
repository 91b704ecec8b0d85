// Writers for the two icon containers electron-builder wants besides PNG: Windows .ico and
// macOS .icns. Both are small, documented formats, so we write them here instead of depending
// on a converter (png2icns, ImageMagick) that may not be installed where icons are regenerated.

/** The .ico entry at 256 px is stored as PNG; smaller ones as 32-bit BMP, which every Windows
 *  version and NSIS read (PNG entries below 256 px confuse some older readers). */
const ICO_PNG_FROM = 256;

/**
 * A Windows .ico holding one image per size.
 * @param {{ size: number, png: Buffer, rgba: Buffer }[]} images
 * @returns {Buffer}
 */
export function encodeIco(images) {
  const payloads = images.map((image) =>
    image.size >= ICO_PNG_FROM ? image.png : bmpEntry(image.size, image.rgba),
  );
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const directory = Buffer.alloc(16 * images.length);
  let offset = header.length + directory.length;
  images.forEach((image, i) => {
    const at = i * 16;
    const side = image.size >= 256 ? 0 : image.size; // 0 means 256
    directory.writeUInt8(side, at);
    directory.writeUInt8(side, at + 1);
    directory.writeUInt8(0, at + 2); // no palette
    directory.writeUInt8(0, at + 3);
    directory.writeUInt16LE(1, at + 4); // colour planes
    directory.writeUInt16LE(32, at + 6); // bits per pixel
    directory.writeUInt32LE(payloads[i].length, at + 8);
    directory.writeUInt32LE(offset, at + 12);
    offset += payloads[i].length;
  });
  return Buffer.concat([header, directory, ...payloads]);
}

/** A BITMAPINFOHEADER DIB: bottom-up BGRA rows, then an all-zero AND mask (alpha decides). */
function bmpEntry(size, rgba) {
  const info = Buffer.alloc(40);
  info.writeUInt32LE(40, 0);
  info.writeInt32LE(size, 4);
  info.writeInt32LE(size * 2, 8); // XOR image + AND mask, as .ico requires
  info.writeUInt16LE(1, 12);
  info.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y;
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = (row * size + x) * 4;
      pixels[to] = rgba[from + 2];
      pixels[to + 1] = rgba[from + 1];
      pixels[to + 2] = rgba[from];
      pixels[to + 3] = rgba[from + 3];
    }
  }
  const maskRowBytes = Math.ceil(size / 32) * 4;
  const mask = Buffer.alloc(maskRowBytes * size);
  return Buffer.concat([info, pixels, mask]);
}

/** The PNG-carrying .icns element types (macOS 10.7+), by pixel size. Retina types repeat sizes. */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

/**
 * A macOS .icns of PNG elements.
 * @param {(size: number) => Buffer} pngOfSize
 * @returns {Buffer}
 */
export function encodeIcns(pngOfSize) {
  const elements = ICNS_TYPES.map(([type, size]) => {
    const png = pngOfSize(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(elements);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + body.length, 4);
  return Buffer.concat([head, body]);
}
