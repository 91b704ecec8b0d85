/** Applies the chosen theme to <html data-theme>, following the OS when the choice is "system". */
import { useEffect, useState } from 'react';
import type { Theme } from '../../core/settings';

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function useThemeAttribute(theme: Theme): void {
  const [osDark, setOsDark] = useState(() => window.matchMedia(DARK_QUERY).matches);
  useEffect(() => {
    const query = window.matchMedia(DARK_QUERY);
    const onChange = () => setOsDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  const effective = theme === 'system' ? (osDark ? 'dark' : 'light') : theme;
  useEffect(() => {
    document.documentElement.dataset.theme = effective;
    document.documentElement.style.colorScheme = effective === 'dark' ? 'dark' : 'light';
  }, [effective]);
}
