// Runs the import worker's TypeScript entry in a worker thread during tests: tsx's loader is
// registered inside the worker (loaders registered on the main thread do not reach it).
import { register } from 'tsx/esm/api';

register();
await import('../../../../node/importers/import-worker-entry.ts');
