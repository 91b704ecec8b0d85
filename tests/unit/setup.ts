// Shared setup for unit tests. `electron` is aliased to tests/mocks/electron.ts in
// vitest.config.ts, so no test can load the real module (which would try to download Electron).
export {};
