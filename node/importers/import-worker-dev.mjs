// The import worker when the app runs from its TypeScript sources (tsx: `npm run web`, tests):
// tsx's loader does not reach worker threads, so register it here, then load the real entry.
import { register } from 'tsx/esm/api';

register();
await import('./import-worker-entry.ts');
