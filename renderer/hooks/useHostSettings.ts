/**
 * The user's settings as kept by the host. Changes show at once and are saved in the
 * background, in order; a failed save is reported, and the screen goes back to what is saved.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { bilingual } from '../../core/i18n/messages';
import type { ApiError } from '../../core/api/errors';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../core/settings';
import { callHost, HostError } from '../api/host-api';

export function useHostSettings(onError: (error: ApiError) => void): {
  settings: Settings;
  loaded: (settings: Settings) => void;
  update: (patch: SettingsPatch) => void;
} {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const saved = useRef<Settings>(DEFAULT_SETTINGS);
  const onErrorRef = useRef(onError);
  useEffect(() => {
    onErrorRef.current = onError;
  }, [onError]);

  const loaded = useCallback((value: Settings) => {
    saved.current = value;
    setSettings(value);
  }, []);

  const update = useCallback((patch: SettingsPatch) => {
    setSettings((current) => merge(current, patch));
    callHost('updateSettings', { patch })
      .then((value) => {
        saved.current = value;
      })
      .catch((err: unknown) => {
        setSettings(saved.current);
        onErrorRef.current(errorOf(err));
      });
  }, []);

  return { settings, loaded, update };
}

function merge(current: Settings, patch: SettingsPatch): Settings {
  const next = { ...current, ...patch };
  if (patch.positions) next.positions = { ...current.positions, ...patch.positions };
  return next;
}

export function errorOf(err: unknown): ApiError {
  if (err instanceof HostError) return err.error;
  return {
    code: 'internal',
    ...bilingual('errorGeneric'),
    detail: err instanceof Error ? err.message : String(err),
  };
}
