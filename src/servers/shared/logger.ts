import type { FastifyServerOptions } from 'fastify';

/** Where a server's log lines go. `false` (the default for builders) keeps tests silent. */
export type ServerLogger =
  | false
  | {
      level?: string;
      /** Any object with `write(line)`, e.g. process.stdout or a test's capture array. */
      destination?: { write(line: string): unknown };
    };

/**
 * @note Fastify's default request serializer does not log headers, but a custom serializer
 * or a `req.log.info({ headers })` added later would. Redaction is the backstop: these paths
 * are censored whatever code logs them, and the config object is never logged whole.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers["x-twilio-signature"]',
  'headers.authorization',
  'headers["x-api-key"]',
  'authToken',
  'apiKeySecret',
  'token',
  '*.authToken',
  '*.apiKeySecret',
  '*.token',
  '*.secret',
];

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
}

/**
 * @note Clients sometimes put a key in the query string (`/token?api_key=…`); the default
 * serializer logs the whole URL, so the query is dropped from every request line.
 */
const requestSerializer = (req: LoggedRequest) => ({
  method: req.method,
  url: req.url.replace(/\?.*$/s, '?[redacted]'),
  host: req.host,
  remoteAddress: req.ip,
});

/** Fastify logger options with redaction always on. */
export function loggerOptions(logger: ServerLogger | undefined): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const base = {
    level: logger.level ?? 'info',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { req: requestSerializer },
  };
  return logger.destination ? { ...base, stream: logger.destination } : base;
}
