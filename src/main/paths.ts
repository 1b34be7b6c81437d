import { join } from 'node:path';

/**
 * Where the shipped corpus, glossary and fact cards are read from. In a package they are
 * `extraResources` (electron-builder.json) next to app.asar, in `<resourcesPath>/resources`;
 * from a checkout they are the repository's `resources/`. `XINZHI_RESOURCES_DIR` overrides both
 * (tests of re-anchoring after the corpus changed), like `XINZHI_DATA_DIR` for user data.
 */
export function resourcesDirFor(options: {
  isPackaged: boolean;
  resourcesPath: string;
  appPath: string;
  override?: string;
}): string {
  if (options.override) return options.override;
  return options.isPackaged
    ? join(options.resourcesPath, 'resources')
    : join(options.appPath, 'resources');
}
