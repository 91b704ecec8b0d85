#!/usr/bin/env node
/**
 * `npm start`: checks that the Electron binary is there (or can be fetched) before building,
 * and when it is not, says in Chinese and English what happened and exactly what to do — no
 * stack trace. Electron 42+ downloads its binary on first launch, which fails on a machine
 * without network; ELECTRON_OVERRIDE_DIST_PATH or a pre-filled cache are the offline ways.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir =
  process.env.REPORT_VIEWER_ELECTRON_DIR ?? path.join(root, 'node_modules/electron');

function executableName(platform = process.platform) {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

/** The Electron executable if it is present, else null; never downloads. */
export function findElectron(env = process.env) {
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : executableName();
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative);
    return existsSync(candidate) ? candidate : null;
  }
  const candidate = path.join(electronDir, 'dist', relative);
  return existsSync(pathFile) && existsSync(candidate) ? candidate : null;
}

function electronVersion() {
  try {
    return JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
  } catch {
    return '45';
  }
}

function cacheDir() {
  if (process.platform === 'win32') return '%LOCALAPPDATA%\\electron\\Cache';
  if (process.platform === 'darwin') return '~/Library/Caches/electron/';
  return '~/.cache/electron/';
}

export function missingElectronMessage(env = process.env) {
  const version = electronVersion();
  const zip = `electron-v${version}-${process.platform}-${process.arch}.zip`;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  return [
    '',
    '无法启动桌面版：找不到 Electron 程序，而且这台电脑无法下载它（没有网络）。',
    override
      ? `ELECTRON_OVERRIDE_DIST_PATH 指向的文件夹里没有 Electron 程序：${override}`
      : `Electron ${version} 需要在第一次启动时下载，但下载失败了。`,
    '请任选一种办法：',
    `  1. 在能上网的电脑上下载 ${zip}，解压到本机某个文件夹，然后运行：`,
    '       ELECTRON_OVERRIDE_DIST_PATH=/解压后的文件夹 npm start',
    '     （Windows PowerShell：$env:ELECTRON_OVERRIDE_DIST_PATH="C:\\解压后的文件夹"; npm start）',
    `  2. 把这个 zip 文件复制到 Electron 缓存文件夹 ${cacheDir()}，再运行 npm start。`,
    '不用 Electron 也可以使用：npm run web 会在浏览器中打开同一个阅读器。',
    '',
    'The desktop app cannot start: the Electron program is missing and could not be downloaded',
    '(no network).',
    override
      ? `ELECTRON_OVERRIDE_DIST_PATH points at a folder without Electron in it: ${override}`
      : `Electron ${version} is downloaded on first launch, and that download failed.`,
    'Either:',
    `  1. on a connected machine download ${zip}, unpack it into a folder here and run`,
    '       ELECTRON_OVERRIDE_DIST_PATH=/path/to/unpacked/folder npm start',
    `  2. or copy that zip into Electron's cache (${cacheDir()}) and run npm start again.`,
    'Without Electron, `npm run web` opens the same reader in a browser.',
    '',
  ].join('\n');
}

/** Tries Electron's own installer (it uses the cache first); true when the binary is then there. */
function tryInstall() {
  if (process.env.REPORT_VIEWER_NO_DOWNLOAD === '1') return false;
  const installer = path.join(electronDir, 'install.js');
  if (!existsSync(installer)) return false;
  console.log('正在准备 Electron… / Preparing Electron…');
  const result = spawnSync(process.execPath, [installer], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 120_000,
  });
  return result.status === 0 && findElectron() !== null;
}

function main() {
  let electron = findElectron();
  if (!electron && !process.env.ELECTRON_OVERRIDE_DIST_PATH && tryInstall())
    electron = findElectron();
  if (!electron) {
    console.error(missingElectronMessage());
    process.exit(2);
  }
  const build = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const child = spawn(electron, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  child.on('close', (code) => process.exit(code ?? 1));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
