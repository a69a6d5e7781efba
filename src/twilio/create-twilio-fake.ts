import Fastify, { type FastifyInstance } from 'fastify';
import type { CallRecord } from './calls/call-record.ts';
import type { CallRegistry } from './calls/call-registry.ts';
import type { ConnectRequest } from './calls/sdk-connect.ts';
import type { DebuggerLog } from './debugger/debugger-log.ts';
import { type ConnectOutcome, createFakeContext, type TwilioFakeContext } from './fake-context.ts';
import { resolveTwilioOptions, type TwilioFakeOptions } from './options.ts';
import { twilioPlugin } from './plugin.ts';
import type { RecordingStore } from './recordings/recording-store.ts';

/** What `createTwilioFake` returns: a Fastify app (not listening) plus the in-process API. */
export interface TwilioFake {
  app: FastifyInstance;
  context: TwilioFakeContext;
  /** A Voice SDK connect without HTTP: token check, then the whole call. */
  connect(req: ConnectRequest): Promise<ConnectOutcome>;
  /** Resolves once the call has ended (REST-created calls run after their 201). */
  waitForCall(sid: string): Promise<CallRecord>;
  calls: CallRegistry;
  recordings: RecordingStore;
  debugger: DebuggerLog;
  /** Listens on 127.0.0.1 (port 0 = any) and makes that origin the default apiOrigin. */
  listen(port?: number): Promise<string>;
  close(): Promise<void>;
}

/**
 * Builds the fake Twilio (STYLE practice 3: built here, listened to elsewhere).
 * @example
 * const fake = await createTwilioFake({ config: { accounts: [{ sid: AC, authToken: 't' }] } });
 * const origin = await fake.listen();
 */
export async function createTwilioFake(options: TwilioFakeOptions = {}): Promise<TwilioFake> {
  const resolved = resolveTwilioOptions(options);
  const ctx = createFakeContext(resolved);
  // @note Fastify 5 takes a ready-made pino instance as `loggerInstance`, settings as `logger`.
  const app =
    typeof resolved.logger === 'boolean'
      ? Fastify({ logger: resolved.logger })
      : Fastify({ loggerInstance: resolved.logger });
  await app.register(twilioPlugin, { ctx });
  return {
    app,
    context: ctx,
    connect: (req) => ctx.connect(req),
    waitForCall: (sid) => ctx.waitForCall(sid),
    calls: ctx.calls,
    recordings: ctx.recordings,
    debugger: ctx.debuggerLog,
    async listen(port = 0) {
      const address = await app.listen({ host: '127.0.0.1', port });
      ctx.setListeningOrigin(address);
      return address;
    },
    async close() {
      await app.close();
      ctx.close();
    },
  };
}
