import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppInfo } from '../../../shared/api';
import type { ArticleSummary } from '../../../shared/article';
import type { ReadingPosition, ReadingProgress, Settings } from '../../../shared/settings';
import { api, call, errorMessage } from '../lib/api';

export interface AppData {
  info: AppInfo;
  settings: Settings;
  articles: ArticleSummary[];
  progress: Record<string, ReadingProgress>;
}

/**
 * Loads what every view needs and owns the mutations on it. Changes show at once and are
 * persisted in the background; a failure is reported and the change rolled back.
 */
export function useAppData(report: (message: string) => void) {
  const [data, setData] = useState<AppData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const settingsRef = useRef<Settings | null>(null);

  useEffect(() => {
    Promise.all([
      call(api.appInfo()),
      call(api.settingsGet()),
      call(api.corpusList()),
      call(api.progressList()),
    ]).then(
      ([info, settings, articles, progress]) => {
        settingsRef.current = settings;
        setData({ info, settings, articles, progress });
      },
      (error: unknown) => setLoadError(errorMessage(error)),
    );
  }, []);

  const updateSettings = useCallback(
    (patch: Partial<Settings>) => {
      const before = settingsRef.current;
      if (!before) return;
      const next = { ...before, ...patch };
      settingsRef.current = next;
      setData((d) => (d ? { ...d, settings: next } : d));
      call(api.settingsUpdate(patch)).catch((error: unknown) => {
        // Undo only this change, and only where no later change has replaced it.
        const now = settingsRef.current ?? next;
        const undone = { ...now };
        for (const key of Object.keys(patch) as (keyof Settings)[]) {
          if (now[key] === next[key]) Object.assign(undone, { [key]: before[key] });
        }
        settingsRef.current = undone;
        setData((d) => (d ? { ...d, settings: undone } : d));
        report(`Your preference was not saved: ${errorMessage(error)}`);
      });
    },
    [report],
  );

  const saveProgress = useCallback(
    (articleId: string, position: ReadingPosition) => {
      call(api.progressSave({ articleId, ...position })).then(
        (saved) =>
          setData((d) => (d ? { ...d, progress: { ...d.progress, [articleId]: saved } } : d)),
        (error: unknown) => report(`Your reading position was not saved: ${errorMessage(error)}`),
      );
    },
    [report],
  );

  const dismissRecovery = useCallback(() => {
    setData((d) => (d ? { ...d, info: { ...d.info, recovery: null } } : d));
    void call(api.appDismissRecovery()).catch(() => undefined);
  }, []);

  return { data, loadError, updateSettings, saveProgress, dismissRecovery };
}
