import { useEffect } from 'react';
import type { Theme } from '../../../shared/settings';

const dark = () => window.matchMedia('(prefers-color-scheme: dark)');

/** Applies the theme to <html>; "system" follows the OS and updates when it changes. */
export function useTheme(theme: Theme): void {
  useEffect(() => {
    const apply = () => {
      const effective = theme === 'system' ? (dark().matches ? 'dark' : 'light') : theme;
      document.documentElement.dataset.theme = effective;
      document.documentElement.style.colorScheme = effective === 'dark' ? 'dark' : 'light';
    };
    apply();
    if (theme !== 'system') return;
    const query = dark();
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [theme]);
}
