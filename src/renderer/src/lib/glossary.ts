import type { GlossaryItem } from '../../../shared/glossary';
import { api, call } from './api';

let glossary: Promise<GlossaryItem[]> | null = null;
/** The glossary, loaded once per session. */
export function loadGlossaryItems(): Promise<GlossaryItem[]> {
  glossary ??= call(api.glossaryList()).catch((error: unknown) => {
    glossary = null;
    throw error;
  });
  return glossary;
}
