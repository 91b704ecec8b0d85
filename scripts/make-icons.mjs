// Renders build/icon.svg into every icon electron-builder needs (`npm run icons`); the outputs
// are committed, so packaging never needs this script or its renderer.
//
//   build/icon.png          1024 px, the master (electron-builder also derives from it)
//   build/icons/NxN.png     Linux (AppImage, deb), 16 … 512
//   build/icon.ico          Windows (app, NSIS installer, portable), 16 … 256
//   build/icon.icns         macOS (app, dmg), 16 … 1024 incl. Retina variants
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { encodeIcns, encodeIco } from './icon-formats.mjs';

const buildDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

const svg = await readFile(path.join(buildDir, 'icon.svg'));
const rendered = new Map();

/** Renders the vector at each size, so small icons are drawn for their size, not scaled down. */
function render(size) {
  let image = rendered.get(size);
  if (image === undefined) {
    const result = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render();
    if (result.width !== size || result.height !== size) {
      throw new Error(`icon.svg rendered at ${result.width}x${result.height}, wanted ${size}`);
    }
    image = { size, png: result.asPng(), rgba: result.pixels };
    rendered.set(size, image);
  }
  return image;
}

await writeFile(path.join(buildDir, 'icon.png'), render(1024).png);

const linuxDir = path.join(buildDir, 'icons');
await rm(linuxDir, { recursive: true, force: true });
await mkdir(linuxDir);
for (const size of LINUX_SIZES) {
  await writeFile(path.join(linuxDir, `${size}x${size}.png`), render(size).png);
}

await writeFile(path.join(buildDir, 'icon.ico'), encodeIco(ICO_SIZES.map(render)));
await writeFile(
  path.join(buildDir, 'icon.icns'),
  encodeIcns((size) => render(size).png),
);

console.log(`Icons written to ${path.relative(process.cwd(), buildDir) || buildDir}`);
