import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

const RESOURCES = join(import.meta.dirname, '../../resources');

/**
 * A fresh data dir and a copy of the shipped resources (which a test may edit) for each test,
 * removed afterwards. Call it before the file's own hooks: after-hooks run in reverse, so the
 * services are disposed before their folders go.
 */
export function tempAppDirs(prefix: string): { dataDir: string; resourcesDir: string } {
  const dirs = { dataDir: '', resourcesDir: '' };
  beforeEach(async () => {
    dirs.dataDir = await mkdtemp(join(tmpdir(), `xinzhi-${prefix}-`));
    dirs.resourcesDir = await mkdtemp(join(tmpdir(), 'xinzhi-resources-'));
    await cp(RESOURCES, dirs.resourcesDir, { recursive: true });
  });
  afterEach(async () => {
    await rm(dirs.dataDir, { recursive: true, force: true });
    await rm(dirs.resourcesDir, { recursive: true, force: true });
  });
  return dirs;
}
