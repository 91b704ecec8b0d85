// The renderer's tests run in jsdom. Testing Library unmounts after each test.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// What jsdom lacks and the reading pane uses; layout itself is the E2E tests' business.
const css = (globalThis as { CSS?: { escape?: (s: string) => string } }).CSS ?? {};
css.escape ??= (value: string) => value.replace(/[^\w-]/g, (ch) => `\\${ch}`);
(globalThis as { CSS?: unknown }).CSS = css;
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
Range.prototype.getBoundingClientRect ??= function getBoundingClientRect() {
  return new DOMRect(0, 0, 0, 0);
};
Range.prototype.getClientRects ??= function getClientRects() {
  return [] as unknown as DOMRectList;
};
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;
globalThis.IntersectionObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
} as unknown as typeof IntersectionObserver;
// jsdom's <dialog> has no modal behaviour; open/close is enough for these tests.
HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
  this.open = true;
};
HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
  this.open = false;
};
