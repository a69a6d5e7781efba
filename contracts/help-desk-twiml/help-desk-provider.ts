import {
  buildHelpDesk,
  type CallbackQueue,
  createMemoryCallbackQueue,
  DEV_CREDENTIALS,
  loadHelpDeskConfig,
} from '../../src/servers/index.ts';

/** The public base URL the IVR validates signatures against and puts in `<Record action>`. */
export const PUBLIC_URL = 'https://help.example.test';

/** The reference help desk, listening on 127.0.0.1, with a queue a state handler can empty. */
export interface RunningHelpDesk {
  readonly url: string;
  /** The queue as it is now (replaced by {@link RunningHelpDesk.emptyQueue}). */
  queue(): CallbackQueue;
  /** Provider state "the callback queue is empty": a fresh queue. */
  emptyQueue(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the help desk with signature validation ON (DEV auth token) and a fixed public URL,
 * built by the same `buildHelpDesk` the harness uses.
 */
export async function startHelpDesk(): Promise<RunningHelpDesk> {
  let current = createMemoryCallbackQueue();
  // @note The app holds one queue for its lifetime; delegating lets a state handler swap in
  // an empty one between interactions without rebuilding the server.
  const queue: CallbackQueue = {
    add: (entry) => current.add(entry),
    listPending: () => current.listPending(),
    get: (id) => current.get(id),
    markDone: (id, at) => current.markDone(id, at),
    close: async () => undefined,
  };
  const config = loadHelpDeskConfig({
    TWILIO_AUTH_TOKEN: DEV_CREDENTIALS.authToken,
    HELPDESK_PUBLIC_URL: PUBLIC_URL,
  });
  const app = buildHelpDesk(config, { queue });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    queue: () => current,
    async emptyQueue() {
      await current.close();
      current = createMemoryCallbackQueue();
    },
    close: () => app.close(),
  };
}
