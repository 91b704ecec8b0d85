// `node --import ./register.mjs dist/electron/main.js`: installs electron-hooks.mjs before the
// bundle's first import is resolved.
import { register } from 'node:module';

register('./electron-hooks.mjs', import.meta.url);
