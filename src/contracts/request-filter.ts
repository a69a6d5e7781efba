/**
 * The verifier proxy's request filter: repairs form bodies, re-signs Twilio webhooks, swaps
 * the token server's bearer secret, and captures XML answers for TwiML validation.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import twilio from 'twilio';

/** The proxy's request after express body parsing. */
export type ProxyRequest = IncomingMessage & { body?: unknown; url: string };
/** Form parameters as the proxy's `qs` parser gives them (repeated keys → arrays). */
export type FormParams = Record<string, string | string[]>;
/** Express middleware, typed here because `@types/express` is not shipped with Pact. */
export type RequestFilter = (req: ProxyRequest, res: ServerResponse, next: () => void) => void;

/** A response seen by the proxy on its way back to the verifier. */
export interface CapturedResponse {
  readonly request: string;
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

export interface FilterOptions {
  /** Sign form posts for this auth token over `publicUrl + path`. */
  readonly sign?: { readonly authToken: string; readonly publicUrl: string };
  /** Replace a present `Authorization` header with `Bearer <secret>`. */
  readonly bearerToken?: string;
  /** Called with every provider answer. */
  readonly onResponse?: (captured: CapturedResponse) => void;
}

/** The proxy's own routes (state setup, message transport) pass through untouched. */
const PROXY_PATHS = ['/_pactSetup', '/_messages'];

/**
 * Builds the filter.
 * @note pact-js#884: the proxy parses a form body into an object and forwards
 * `JSON.stringify(body)` cut at the original length, so the provider answers 400. Buffers are
 * forwarded untouched, so the parsed object is re-encoded as a form Buffer (pact-notes §6.2).
 * The signature is computed after that, over exactly the parameters the provider will read.
 */
export function createRequestFilter(opts: FilterOptions): RequestFilter {
  return (req, res, next) => {
    if (PROXY_PATHS.some((p) => req.url.startsWith(p))) return next();
    const type = String(req.headers['content-type'] ?? '');
    if (type.startsWith('application/x-www-form-urlencoded') && isParsedForm(req.body)) {
      const params = req.body;
      const form = new URLSearchParams(
        Object.entries(params).flatMap(([k, v]) => [v].flat().map((x) => [k, x])),
      );
      req.body = Buffer.from(form.toString());
      req.headers['content-length'] = String((req.body as Buffer).length);
      if (opts.sign) {
        const url = opts.sign.publicUrl.replace(/\/+$/, '') + req.url;
        req.headers['x-twilio-signature'] = twilio.getExpectedTwilioSignature(
          opts.sign.authToken,
          url,
          params,
        );
      }
    }
    if (opts.bearerToken !== undefined && req.headers.authorization !== undefined) {
      req.headers.authorization = `Bearer ${opts.bearerToken}`;
    }
    if (opts.onResponse) captureResponse(`${req.method ?? 'GET'} ${req.url}`, res, opts.onResponse);
    next();
  };
}

function isParsedForm(body: unknown): body is FormParams {
  return typeof body === 'object' && body !== null && !Buffer.isBuffer(body);
}

/**
 * Tees what the proxy writes back to the verifier.
 * @note http-proxy pipes the provider's answer into `res`, so wrapping write/end sees exactly
 * the bytes the verifier compares, whichever provider sits behind the proxy.
 */
function captureResponse(
  request: string,
  res: ServerResponse,
  onResponse: (c: CapturedResponse) => void,
): void {
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown): void => {
    if (typeof chunk === 'string' || chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  // biome-ignore lint/suspicious/noExplicitAny: write/end have several overloads; we only observe the chunk
  res.write = ((chunk: unknown, ...rest: any[]) => {
    keep(chunk);
    return write(chunk as Buffer, ...rest);
  }) as typeof res.write;
  // biome-ignore lint/suspicious/noExplicitAny: same overload set as above
  res.end = ((chunk?: unknown, ...rest: any[]) => {
    if (typeof chunk !== 'function') keep(chunk);
    onResponse({
      request,
      status: res.statusCode,
      contentType: String(res.getHeader('content-type') ?? ''),
      body: Buffer.concat(chunks).toString('utf8'),
    });
    return end(chunk as Buffer, ...rest);
  }) as typeof res.end;
}
