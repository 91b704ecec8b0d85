/**
 * Where the built app finds its parts. Everything is relative to the built main file
 * (dist/electron/main.js), which in a packaged app lies inside app.asar; only the reports,
 * shipped as plain files beside the asar, live under the resources folder.
 */
import path from 'node:path';

export interface AppPaths {
  /** The built renderer (dist/renderer), served as app://viewer/. */
  rendererDir: string;
  /** The built preload (dist/electron/preload.cjs). */
  preloadPath: string;
  /** The bundled report texts. */
  reportsDir: string;
  /**
   * pdf.js's data files (cmaps/, standard_fonts/, wasm/, iccs/) when packaged (copied beside the
   * asar, see electron-builder.yml); null in development, where they are read from node_modules.
   */
  pdfjsAssetsDir: string | null;
}

export interface AppPathsInput {
  /** The folder of the built main file. */
  mainDir: string;
  isPackaged: boolean;
  /** process.resourcesPath; only read when packaged. */
  resourcesPath: string;
}

export function resolveAppPaths({ mainDir, isPackaged, resourcesPath }: AppPathsInput): AppPaths {
  const projectRoot = path.resolve(mainDir, '..', '..');
  return {
    rendererDir: path.resolve(mainDir, '..', 'renderer'),
    preloadPath: path.join(mainDir, 'preload.cjs'),
    reportsDir: isPackaged
      ? path.join(resourcesPath, 'reports')
      : path.join(projectRoot, 'resources', 'reports'),
    pdfjsAssetsDir: isPackaged ? path.join(resourcesPath, 'pdfjs') : null,
  };
}
