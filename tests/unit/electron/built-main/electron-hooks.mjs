// Module resolution hooks for running the built main bundle under plain Node: the bare
// specifier `electron` resolves to electron-stub.mjs instead of the real package (which would
// only print the path of a binary that cannot run here).
import { URL } from 'node:url';

const STUB_URL = new URL('./electron-stub.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: STUB_URL, shortCircuit: true };
  return nextResolve(specifier, context);
}
