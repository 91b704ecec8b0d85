import { describe, expect, it, vi } from 'vitest';
import type { ApiHandlers } from '../../../../core/api/contract';
import { DEFAULT_SETTINGS, type Settings } from '../../../../core/settings';
import { observeSettings } from '../../../../electron/main/settings-observer';
import { captureLog } from '../capture-log';

function handlers(update: ApiHandlers['updateSettings']): ApiHandlers {
  return { getSettings: vi.fn(), updateSettings: update } as unknown as ApiHandlers;
}

describe('observeSettings', () => {
  const saved: Settings = { ...DEFAULT_SETTINGS, language: 'en' };

  it('tells about each saved change and answers with the saved settings', async () => {
    const onChange = vi.fn();
    const base = handlers(async () => saved);
    const observed = observeSettings(base, onChange, captureLog());
    expect(await observed.updateSettings({ patch: { language: 'en' } })).toBe(saved);
    expect(onChange).toHaveBeenCalledWith(saved);
    expect(observed.getSettings).toBe(base.getSettings);
  });

  it('tells nothing when the save fails', async () => {
    const onChange = vi.fn();
    const observed = observeSettings(
      handlers(async () => {
        throw new Error('disk full');
      }),
      onChange,
      captureLog(),
    );
    await expect(observed.updateSettings({ patch: {} })).rejects.toThrow('disk full');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('still answers with the saved settings when following the change fails', async () => {
    const log = captureLog();
    const observed = observeSettings(
      handlers(async () => saved),
      () => {
        throw new Error('menu broke');
      },
      log,
    );
    expect(await observed.updateSettings({ patch: {} })).toBe(saved);
    expect(log.lines.join()).toMatch(/could not follow/);
  });
});
