// Builds the renderer (React UI) into dist/renderer. Everything it needs is bundled: no CDN.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * @fontsource CSS lists a .woff fallback beside every .woff2; Chromium (Electron and the
 * browser host) always takes woff2, so dropping the fallbacks halves the bundled fonts.
 */
function woff2Only(): Plugin {
  return {
    name: 'fontsource-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource[\\/].+\.css$/.test(id)) return null;
      return { code: code.replace(/,\s*url\([^)]+\.woff\)\s*format\('woff'\)/g, ''), map: null };
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [woff2Only(), react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    // No inline scripts: the CSP forbids them.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // The reader, and the page both hosts print to PDF (renderer/print/).
      input: {
        index: fileURLToPath(new URL('./renderer/index.html', import.meta.url)),
        print: fileURLToPath(new URL('./renderer/print.html', import.meta.url)),
      },
    },
  },
});
