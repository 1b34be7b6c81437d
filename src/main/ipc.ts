import {
  AppError,
  CHANNELS,
  contract,
  type Channel,
  type Handlers,
  type Result,
} from '../shared/api';

/**
 * Validation and dispatch for every channel. Pure (no Electron) so that the browser test harness
 * and unit tests go through exactly the same checks as the real IPC.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  rawInput: unknown,
): Promise<Result<unknown>> {
  if (!Object.hasOwn(contract, channel)) {
    return {
      ok: false,
      error: { code: 'unknown_channel', message: `Unknown channel "${channel}".` },
    };
  }
  const c = channel as Channel;
  const parsed = contract[c].input.safeParse(rawInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (at ${issue.path.join('.')})` : '';
    return {
      ok: false,
      error: { code: 'invalid_input', message: `${issue?.message ?? 'Invalid input'}${where}.` },
    };
  }
  try {
    const handler = handlers[c] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof AppError)
      return { ok: false, error: { code: error.code, message: error.message } };
    console.error(`[xinzhi] ${channel} failed`, error);
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'Something went wrong; nothing was changed. Please try again.',
      },
    };
  }
}

/** The parts of Electron's `ipcMain` and its event that the registration needs. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, input: unknown) => unknown): void;
}
export interface IpcEventLike {
  sender: unknown;
  senderFrame?: { url: string } | null;
}

export interface IpcRegistration {
  /** Resolves once every call received so far has been answered (before the store closes). */
  idle(): Promise<void>;
}

/** Registers every channel; calls from anything but our own window are refused. */
export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: Handlers,
  isTrustedSender: (event: IpcEventLike) => boolean,
): IpcRegistration {
  const pending = new Set<Promise<unknown>>();
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input): Promise<Result<unknown>> | Result<unknown> => {
      if (!isTrustedSender(event)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: 'This window may not call the app.' },
        };
      }
      const call = dispatch(handlers, channel, input);
      pending.add(call);
      void call.finally(() => pending.delete(call));
      return call;
    });
  }
  return {
    idle: async () => {
      await Promise.allSettled([...pending]);
    },
  };
}
