/**
 * Offline proof, at the level of what ships: builds the renderer (vite.config.ts) and the
 * Electron main and preload bundles (scripts/build-electron.mjs) into a temp folder, as
 * `npm run build` would but leaving dist/ alone, and scans every emitted script, stylesheet,
 * page and image for remote addresses: http(s)://, ws(s)://, ftp:// and protocol-relative
 * //host references (CSS url() and @import, HTML src/href, JS strings). Only the addresses in
 * ALLOWED below may appear, each with the reason it is never fetched.
 *
 * In JavaScript only what the code can use is read: string literals and template strings (a
 * template's `https://` before `${host}` counts), plus the sourceMappingURL/sourceURL comments
 * that DevTools would follow. Other comments (the unminified main bundle keeps its sources'
 * comments, with example URLs) are not code.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseSync } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const projectRoot = path.resolve(import.meta.dirname, '../../..');

/**
 * Every remote address allowed in a shipped file, exactly as it appears, and why it is never
 * fetched. Keep it short: anything new here needs the same argument.
 */
const ALLOWED: ReadonlyMap<string, string> = new Map([
  // XML namespace names: identifiers compared as strings (React DOM's createElementNS, the
  // SVG icon's xmlns), never dereferenced.
  ['http://www.w3.org/2000/svg', 'SVG namespace name (React DOM, icon.svg xmlns)'],
  ['http://www.w3.org/1999/xlink', 'XLink namespace name (React DOM)'],
  ['http://www.w3.org/1998/Math/MathML', 'MathML namespace name (React DOM)'],
  ['http://www.w3.org/XML/1998/namespace', 'XML namespace name (React DOM)'],
  // The Web Annotation JSON-LD context (core/annotations/web-annotation.ts ANNO_CONTEXT): written
  // into exported files and compared on import as an identifier; the app never loads it.
  ['http://www.w3.org/ns/anno.jsonld', 'JSON-LD @context identifier of the annotation export'],
  // React's production error messages say "visit https://react.dev/errors/N for the full
  // message": text in an Error, never requested (and the CSP's connect-src 'self' would refuse).
  ['https://react.dev/errors/', "React's error-decoder link in minified error messages"],
  // zod's JSON Schema output names its dialect in $schema; identifiers, never fetched (and the
  // app does not produce JSON Schema).
  ['http://json-schema.org/draft-04/schema#', "zod's JSON Schema $schema identifier"],
  ['http://json-schema.org/draft-07/schema#', "zod's JSON Schema $schema identifier"],
  ['https://json-schema.org/draft/2020-12/schema', "zod's JSON Schema $schema identifier"],
  // zod checks IPv6 syntax with `new URL(\`http://[${address}]\`)`: parsed locally, no request.
  ['http://[', "zod's IPv6 syntax check (new URL parse, no request)"],
  // The bundled fonts' SIL OFL licence texts (resources/licenses/, shown as plain text in the
  // 关于 dialog's <pre>, as the licence requires): words in a document, not links.
  ['http://scripts.sil.org/OFL', 'SIL OFL licence text shown in 关于'],
  ['https://github.com/lxgw/LxgwWenKai', 'LXGW WenKai copyright line in its licence text'],
  ['https://github.com/fontworks-fonts/Klee', 'Klee copyright line in the WenKai licence text'],
]);

/**
 * The main process bundle also carries the document importers (mammoth for .docx, pdf.js for
 * .pdf, linkedom for .html, and core-js under word-extractor). These strings are identifiers
 * they compare or self-tests they parse locally; allowed in electron/ files only, each family
 * with its reason.
 */
const MAIN_PROCESS_IDENTIFIERS: readonly [RegExp, string][] = [
  [
    /^https?:\/\/(?:schemas\.openxmlformats\.org|purl\.oclc\.org\/ooxml|schemas\.microsoft\.com\/office|schemas\.zwobble\.org\/mammoth)\//,
    'Office Open XML namespace names mammoth matches in .docx parts',
  ],
  [
    /^http:\/\/(?:ns\.adobe\.com|www\.xfa\.org\/schema)\//,
    'PDF and XFA namespace names pdf.js matches in a document',
  ],
  [
    /^http:\/\/www\.w3\.org\/(?:1999\/xhtml|2000\/xmlns\/|1999\/XSL\/Transform|2000\/09\/xmldsig#)$/,
    'XML namespace names (linkedom, pdf.js)',
  ],
  [
    /^(?:http:\/\/|http:\/\/example\.com|https:\/\/(?:a|a#б|a\/c%20d\?a=1&c=3|a@b|foo\.bar|x|тест))$/,
    "core-js's URL conformance self-test (new URL on literals, no request)",
  ],
  [
    /^https:\/\/github\.com\/zloirock\/core-js(?:\/blob\/v[\d.]+\/LICENSE)?$/,
    "core-js's version banner (a string in its shared store)",
  ],
  [
    /^https:\/\/stuk\.github\.io\/jszip\/documentation\/howto\/read_zip\.html$/,
    "JSZip's link in an error message about a damaged zip (text, never opened)",
  ],
];

function allowed(found: Found): boolean {
  if (ALLOWED.has(found.address)) return true;
  return (
    found.file.startsWith('electron') &&
    MAIN_PROCESS_IDENTIFIERS.some(([pattern]) => pattern.test(found.address))
  );
}

const SCANNED = /\.(?:js|cjs|mjs|css|html|svg|json)$/;

/** A scheme-qualified address: the scheme and whatever follows up to a delimiter. */
const REMOTE = /\b(?:https?|wss?|ftp):\/\/[^\s"'`<>(){}\\,;]*/gi;
/** A protocol-relative reference to a host: //host.tld… */
const PROTOCOL_RELATIVE = /^\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?:[/?#]|$)/i;

interface Found {
  file: string;
  address: string;
  /** Where in the file: a JS string, a JS comment DevTools follows, CSS url(), HTML attribute… */
  where: string;
}

/** Remote addresses in one file's text, by its type (see the file comment). */
function remoteAddresses(file: string, text: string): Found[] {
  const found: Found[] = [];
  const add = (address: string, where: string) => found.push({ file, address, where });
  const schemes = (value: string, where: string) => {
    for (const m of value.matchAll(REMOTE)) add(m[0], where);
  };
  if (/\.(?:js|cjs|mjs)$/.test(file)) {
    const parsed = parseSync(file, text);
    if (parsed.errors.length > 0) {
      add(`(unparsable: ${parsed.errors[0]?.message ?? 'error'})`, 'parse');
      schemes(text, 'text');
      return found;
    }
    const strings: string[] = [];
    collectStrings(parsed.program, strings);
    for (const s of strings) {
      schemes(s, 'js string');
      if (PROTOCOL_RELATIVE.test(s.trim())) add(s.trim().slice(0, 200), 'js string');
    }
    for (const comment of parsed.comments) {
      if (/[#@]\s*source(?:Mapping)?URL=/.test(comment.value)) schemes(comment.value, 'comment');
    }
    return found;
  }
  schemes(text, 'text');
  if (file.endsWith('.css')) {
    for (const m of text.matchAll(/url\(\s*["']?\s*(\/\/[^"')\s]+)/gi)) add(m[1]!, 'css url()');
    for (const m of text.matchAll(/@import\s+["'](\/\/[^"']+)/gi)) add(m[1]!, 'css @import');
  }
  if (file.endsWith('.html') || file.endsWith('.svg')) {
    const attrs =
      /\b(?:src|href|xlink:href|srcset|action|formaction|poster|data|content)\s*=\s*["']?\s*(\/\/[^"'\s>]+)/gi;
    for (const m of text.matchAll(attrs)) add(m[1]!, 'html attribute');
  }
  return found;
}

/** Every string literal and template piece (cooked) in an ESTree program. */
function collectStrings(node: unknown, out: string[]): void {
  if (Array.isArray(node)) {
    for (const child of node) collectStrings(child, out);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const n = node as { type?: unknown; value?: unknown };
  if (n.type === 'Literal') {
    if (typeof n.value === 'string') out.push(n.value);
    return;
  }
  if (n.type === 'TemplateElement') {
    const value = n.value as { cooked?: string | null; raw: string };
    out.push(value.cooked ?? value.raw);
    return;
  }
  for (const child of Object.values(node)) {
    if (typeof child === 'object') collectStrings(child, out);
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

describe('the scanner itself', () => {
  it('finds remote addresses in every form it looks for', () => {
    const js = [
      'fetch("https://cdn.example.com/lib.js");',
      'const u = `https://${host}/api`;',
      "new WebSocket('wss://push.example.com/socket');",
      "load('//cdn.example.com/x.js');",
      "const o = { endpoint: 'https://api.example.com/v1' };",
      '// https://in.a.comment.example/ is not code',
      '//# sourceMappingURL=https://maps.example.com/index.js.map',
    ].join('\n');
    expect(remoteAddresses('a.js', js).map((f) => f.address)).toEqual([
      'https://cdn.example.com/lib.js',
      'https://',
      'wss://push.example.com/socket',
      '//cdn.example.com/x.js',
      'https://api.example.com/v1',
      'https://maps.example.com/index.js.map',
    ]);
    const css = '@import "//fonts.example.com/a.css";b{background:url(//img.example.com/p.png)}';
    expect(remoteAddresses('a.css', css).map((f) => f.address)).toEqual([
      '//img.example.com/p.png',
      '//fonts.example.com/a.css',
    ]);
    const html = '<script src="//cdn.example.com/x.js"></script><a href="ftp://files.example">';
    expect(remoteAddresses('a.html', html).map((f) => f.address)).toEqual([
      'ftp://files.example',
      '//cdn.example.com/x.js',
    ]);
    // Local references are not remote.
    const local = 'a{background:url(./assets/p.png)}b{src:url("/fonts/x.woff2")}';
    expect(remoteAddresses('b.css', local)).toEqual([]);
    expect(
      remoteAddresses('b.js', 'fetch("/api/getSettings"); const c = "// not a host";'),
    ).toEqual([]);
  });
});

describe('the built app names no remote address', () => {
  let outDir: string;
  let files: string[] = [];

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'bundle-scan-'));
    // A production build, as shipped: not the test runner's NODE_ENV=test.
    const env = { ...process.env };
    delete env.NODE_ENV;
    await run(
      process.execPath,
      [
        path.join(projectRoot, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        path.join(projectRoot, 'vite.config.ts'),
        '--outDir',
        path.join(outDir, 'renderer'),
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      { cwd: projectRoot, env },
    );
    await run(
      process.execPath,
      ['scripts/build-electron.mjs', '--out-dir', path.join(outDir, 'electron')],
      { cwd: projectRoot, env },
    );
    files = (await filesUnder(outDir)).filter((f) => SCANNED.test(f));
  }, 120_000);

  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('built the renderer pages, their scripts and styles, and the Electron main and preload', () => {
    const names = files.map((f) => path.relative(outDir, f));
    for (const name of [
      'renderer/index.html',
      'renderer/print.html',
      'electron/main.js',
      'electron/preload.cjs',
      'electron/import-worker.js',
    ]) {
      expect(names).toContain(name);
    }
    expect(names.some((n) => /^renderer\/assets\/.+\.js$/.test(n))).toBe(true);
    expect(names.some((n) => /^renderer\/assets\/.+\.css$/.test(n))).toBe(true);
  });

  it('every address in every emitted .js/.cjs/.css/.html/.svg is on the allowlist', async () => {
    const found: Found[] = [];
    for (const file of files) {
      found.push(...remoteAddresses(path.relative(outDir, file), await readFile(file, 'utf8')));
    }
    const offending = found.filter((f) => !allowed(f));
    const report = offending.map((f) => `  ${f.address}  (${f.where} in ${f.file})`).join('\n');
    expect(offending, `remote addresses in the build:\n${report}`).toEqual([]);

    const used = new Set(found.map((f) => f.address));
    const unused = [...ALLOWED.keys()].filter((a) => !used.has(a));
    if (unused.length > 0) console.log(`allowlist entries no longer needed: ${unused.join(', ')}`);
    // The scan read the app's real code (React DOM's namespaces are in every build).
    expect(used.has('http://www.w3.org/2000/svg')).toBe(true);
    // Several bundles of pdf.js (main, import worker, renderer) are megabytes to scan.
  }, 60_000);
});
