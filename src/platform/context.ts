import { AsyncLocalStorage } from 'node:async_hooks';

/** What the interface layer knows about the current call, carried to the audit log. */
export interface CallContext {
  requestId?: string;
  /** The caller's stated reason for this access (free text, asked for on sensitive calls). */
  purpose?: string;
}

const storage = new AsyncLocalStorage<CallContext>();

export const runWithContext = <T>(ctx: CallContext, fn: () => T): T => storage.run(ctx, fn);
export const currentContext = (): CallContext => storage.getStore() ?? {};
export const enterContext = (ctx: CallContext): void => storage.enterWith(ctx);
