import { describe, expect, it } from 'vitest';
import { APP_START_URL, isAppUrl } from '../../../../electron/main/app-origin';

describe('isAppUrl', () => {
  it('accepts pages of the app origin', () => {
    expect(isAppUrl(APP_START_URL)).toBe(true);
    expect(isAppUrl('app://viewer/print.html?x=1#y')).toBe(true);
  });

  it.each([
    'https://viewer/index.html',
    'app://other/index.html',
    'app://viewer:8080/index.html',
    'app://user@viewer/index.html',
    'file:///index.html',
    'about:blank',
    '',
    'not a url',
  ])('refuses %j', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});
