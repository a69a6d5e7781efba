import { bypass, http } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';
import twilio from 'twilio';

/**
 * Points the official `twilio` client, unmodified in user code, at the fake
 * (shared/fidelity/pact-notes.md §9–10). Two ways:
 * - `interceptTwilio({ fakeOrigin })`: msw catches `https://api.twilio.com/*` and the edge/region
 *   hosts `https://api.<edge>.<region>.twilio.com/*` and replays each request on the fake.
 * - `new FakeTwilioHttpClient(fakeOrigin)` passed as `httpClient` when the code under test
 *   accepts an injected client (no global patching, works across processes).
 */

/** `https://api.twilio.com/…` and `https://api.sydney.au1.twilio.com/…`. */
export const TWILIO_API_URL = /^https:\/\/api(\.[a-z0-9-]+)*\.twilio\.com\//i;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export interface InterceptOptions {
  /** The fake's listening origin, e.g. `http://127.0.0.1:40123`. */
  fakeOrigin: string;
  /** An msw server the caller already runs; the handler is added to it with `use()`. */
  server?: SetupServer;
}

export interface TwilioInterception {
  server: SetupServer;
  /** Removes the handler (and stops the server if this call started it). */
  close(): void;
}

/**
 * Starts forwarding Twilio API traffic to the fake. Loopback traffic passes through untouched;
 * other unhandled requests are printed as errors (tests must never reach the internet).
 * @example const i = interceptTwilio({ fakeOrigin: await fake.listen() }); ...; i.close();
 */
export function interceptTwilio(opts: InterceptOptions): TwilioInterception {
  const origin = opts.fakeOrigin.replace(/\/+$/, '');
  const handler = http.all(TWILIO_API_URL, async ({ request }) => {
    const { pathname, search, hostname } = new URL(request.url);
    const body =
      request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
    const headers = new Headers(request.headers);
    headers.set('X-Original-Host', hostname);
    // @note bypass() keeps msw from catching the forwarded request again; passthrough() would
    // continue to the real api.twilio.com instead (pact-notes §9).
    return fetch(bypass(new Request(origin + pathname + search, { method: request.method, headers, body })));
  });
  if (opts.server) {
    opts.server.use(handler);
    const server = opts.server;
    return { server, close: () => server.resetHandlers() };
  }
  const server = setupServer(handler);
  server.listen({
    onUnhandledRequest(req, print) {
      if (!LOOPBACK.has(new URL(req.url).hostname)) print.error();
    },
  });
  return { server, close: () => server.close() };
}

type BaseClient = InstanceType<typeof twilio.RequestClient>;
type RequestOptions<TData> = Parameters<BaseClient['request']>[0] & { data?: TData };
type ClientResponse<TData> = Awaited<ReturnType<BaseClient['request']>> & { body: TData };

/**
 * A twilio-node `httpClient` that sends every request to the fake's origin instead of the
 * product host, keeping path and query (pagination's absolute next_page_url included).
 * @example twilio(AC, TOKEN, { httpClient: new FakeTwilioHttpClient('http://127.0.0.1:40123') })
 */
export class FakeTwilioHttpClient extends twilio.RequestClient {
  readonly #origin: string;

  constructor(fakeOrigin: string) {
    super({ keepAlive: false });
    this.#origin = fakeOrigin.replace(/\/+$/, '');
  }

  override request<TData>(opts: RequestOptions<TData>): Promise<ClientResponse<TData>> {
    const from = new URL(opts.uri);
    return super.request<TData>({
      ...opts,
      uri: this.#origin + from.pathname + from.search,
      headers: { ...opts.headers, 'X-Original-Host': from.hostname },
    });
  }
}
