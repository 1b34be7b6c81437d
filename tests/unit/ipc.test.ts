import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/shared/api';
import { dispatch, registerIpc, type IpcEventLike } from '../../src/main/ipc';
import { createServices, type Services } from '../../src/main/services';

let dataDir: string;
let services: Services;
/** Everything the store has on disk: the snapshot and the journal of recent changes. */
const storeFile = async () =>
  Buffer.concat([
    await readFile(join(dataDir, 'xinzhi.json')),
    await readFile(join(dataDir, 'xinzhi.journal')),
  ]);

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'xinzhi-ipc-'));
  services = await createServices({
    dataDir,
    resourcesDir: join(import.meta.dirname, '../../resources'),
  });
  await services['settings:update']({ fontSize: 20 }); // make sure the file exists
});
afterEach(async () => {
  await services.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

describe('dispatch', () => {
  it('returns ok results from the real services', async () => {
    const result = await dispatch(services, 'settings:get', undefined);
    expect(result).toMatchObject({ ok: true, value: { fontSize: 20 } });
  });

  const BAD: [string, unknown][] = [
    ['settings:update', { fontSize: 'huge' }],
    ['settings:update', { fontSize: 400 }],
    ['settings:update', { theme: 'neon' }],
    ['settings:update', { unknownKey: 1 }],
    ['settings:update', null],
    ['settings:update', JSON.parse('{"__proto__": {"polluted": true}, "fontSize": 19}')],
    ['progress:save', { articleId: '../../etc/passwd', blockId: 'b1', percent: 1 }],
    ['progress:save', { articleId: 'taihe', blockId: 'b1', percent: 101 }],
    ['progress:save', { articleId: 'taihe', blockId: '', percent: 1 }],
    ['corpus:get', { id: 42 }],
    ['corpus:get', 'taihe'],
    ['app:info', { extra: true }],
  ];
  it.each(BAD)('refuses invalid input to %s and changes nothing', async (channel, input) => {
    const before = await storeFile();
    const result = await dispatch(services, channel, input);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) expect(result.error.message.length).toBeGreaterThan(5);
    expect(await storeFile()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an unknown channel and inherited names', async () => {
    for (const channel of ['nope:nope', '__proto__', 'constructor', 'toString']) {
      expect(await dispatch(services, channel, undefined)).toMatchObject({
        ok: false,
        error: { code: 'unknown_channel' },
      });
    }
  });

  it('maps application errors to their code and hides internal ones', async () => {
    expect(await dispatch(services, 'corpus:get', { id: 'missing' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const broken = { ...services, 'settings:get': () => Promise.reject(new Error('disk on fire')) };
    const result = await dispatch(broken, 'settings:get', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) expect(result.error.message).not.toContain('disk on fire');
  });
});

describe('registerIpc', () => {
  type Listener = (event: IpcEventLike, input: unknown) => unknown;
  const registered = new Map<string, Listener>();
  const ourWindow = { id: 'ours' };
  const setup = () =>
    registerIpc(
      { handle: (c, l) => registered.set(c, l) },
      services,
      (event) => event.sender === ourWindow,
    );

  it('registers every channel of the contract, and nothing else', () => {
    setup();
    expect([...registered.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('refuses a foreign sender without calling the service', async () => {
    setup();
    const before = await storeFile();
    const foreign = await registered.get('settings:update')?.(
      { sender: { id: 'other' } },
      { fontSize: 15 },
    );
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await storeFile()).toEqual(before);
    const ours = await registered.get('settings:update')?.({ sender: ourWindow }, { fontSize: 15 });
    expect(ours).toMatchObject({ ok: true, value: { fontSize: 15 } });
  });
});
