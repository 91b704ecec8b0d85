import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveStaticPath } from '../../../../node/services/static-files';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'static-files-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('resolveStaticPath', () => {
  it('maps "/" (and an empty path) to index.html', () => {
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '')).toBe(path.join(root, 'index.html'));
  });

  it('maps paths to files inside the folder, percent-decoded', () => {
    expect(resolveStaticPath(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveStaticPath(root, '/assets/%E5%AD%97%E4%BD%93.woff2')).toBe(
      path.join(root, 'assets', '字体.woff2'),
    );
    expect(resolveStaticPath(root, '/a%20b.css')).toBe(path.join(root, 'a b.css'));
    expect(resolveStaticPath(root, '/./assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it('keeps paths with extra leading slashes inside the folder', () => {
    expect(resolveStaticPath(root, '//etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    expect(resolveStaticPath(root, '/%2Fetc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
  });

  it('works with a root given as a relative path or with a trailing separator', () => {
    const relative = path.relative(process.cwd(), root);
    expect(resolveStaticPath(relative, '/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root + path.sep, '/x.js')).toBe(path.join(root, 'x.js'));
  });

  it('does not let a sibling folder with the same prefix pass as the root', () => {
    // "<root>-evil" starts with "<root>"; only a path separator makes it inside.
    const result = resolveStaticPath(root, `/../${path.basename(root)}-evil/x.js`);
    expect(result).toBeNull();
  });

  const refused: [string, string][] = [
    ['..', '/..'],
    ['.. at the start', '/../secret.txt'],
    ['.. in the middle', '/assets/../../secret.txt'],
    ['.. without a leading slash', '../secret.txt'],
    ['.. that would stay inside', '/assets/../index.html'],
    ['encoded ..', '/%2e%2e/secret.txt'],
    ['encoded .. in capitals', '/%2E%2E/secret.txt'],
    ['.. with an encoded slash', '/..%2fsecret.txt'],
    ['fully encoded ../', '/%2e%2e%2fsecret.txt'],
    ['encoded .. deeper down', '/assets/%2e%2e/%2e%2e/secret.txt'],
    ['a backslash', '/..\\secret.txt'],
    ['a plain backslash', '/assets\\app.js'],
    ['an encoded backslash', '/%5c..%5csecret.txt'],
    ['an encoded NUL', '/index.html%00.js'],
    ['a raw NUL', '/index.html\0.js'],
    ['a lone %', '/%'],
    ['a truncated escape', '/%E5%AD'],
    ['a non-hex escape', '/%zz.js'],
    ['an invalid UTF-8 escape', '/%ff.js'],
  ];

  it.each(refused)('refuses %s', (_, urlPath) => {
    expect(resolveStaticPath(root, urlPath)).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  const types: [string, string][] = [
    ['index.html', 'text/html; charset=utf-8'],
    ['INDEX.HTML', 'text/html; charset=utf-8'],
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/worker.mjs', 'text/javascript; charset=utf-8'],
    ['assets/app.css', 'text/css; charset=utf-8'],
    ['manifest.json', 'application/json; charset=utf-8'],
    ['app.js.map', 'application/json; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['icon.png', 'image/png'],
    ['favicon.ico', 'image/x-icon'],
    ['fonts/a.woff2', 'font/woff2'],
    ['fonts/a.woff', 'font/woff'],
    ['fonts/a.ttf', 'font/ttf'],
    ['fonts/a.otf', 'font/otf'],
    ['LICENSE.txt', 'text/plain; charset=utf-8'],
    ['archive.exe', 'application/octet-stream'],
    ['no-extension', 'application/octet-stream'],
  ];

  it.each(types)('%s is %s', (file, type) => {
    expect(mimeTypeFor(path.join(root, file))).toBe(type);
  });
});
