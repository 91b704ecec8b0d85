import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPaths } from '../../../../electron/main/app-paths';

describe('resolveAppPaths', () => {
  const mainDir = path.join('/opt', 'viewer', 'dist', 'electron');

  it('finds the renderer and preload beside the built main file', () => {
    const paths = resolveAppPaths({ mainDir, isPackaged: false, resourcesPath: '/unused' });
    expect(paths.rendererDir).toBe(path.join('/opt', 'viewer', 'dist', 'renderer'));
    expect(paths.preloadPath).toBe(path.join(mainDir, 'preload.cjs'));
  });

  it('reads reports from the project in development', () => {
    const paths = resolveAppPaths({ mainDir, isPackaged: false, resourcesPath: '/unused' });
    expect(paths.reportsDir).toBe(path.join('/opt', 'viewer', 'resources', 'reports'));
    // pdf.js finds its data in node_modules.
    expect(paths.pdfjsAssetsDir).toBeNull();
  });

  it('reads reports from the resources folder when packaged, the rest from the asar', () => {
    const asarMain = path.join('/opt', 'App', 'resources', 'app.asar', 'dist', 'electron');
    const paths = resolveAppPaths({
      mainDir: asarMain,
      isPackaged: true,
      resourcesPath: path.join('/opt', 'App', 'resources'),
    });
    expect(paths.reportsDir).toBe(path.join('/opt', 'App', 'resources', 'reports'));
    expect(paths.pdfjsAssetsDir).toBe(path.join('/opt', 'App', 'resources', 'pdfjs'));
    expect(paths.rendererDir).toBe(
      path.join('/opt', 'App', 'resources', 'app.asar', 'dist', 'renderer'),
    );
  });
});
