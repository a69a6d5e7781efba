import type { FastifyReply } from 'fastify';

/** One entry of a server's error table: the HTTP status and the default message. */
export interface JsonErrorEntry {
  readonly status: number;
  readonly message: string;
}

/**
 * Sends `{"error":{"code","message"}}` with the code's HTTP status. @note Both reference
 * servers answer errors in this one shape, so clients can switch on `error.code`.
 */
export function sendJsonError<C extends string>(
  reply: FastifyReply,
  table: Readonly<Record<C, JsonErrorEntry>>,
  code: C,
  message?: string,
): FastifyReply {
  const entry = table[code];
  return reply
    .code(entry.status)
    .type('application/json; charset=utf-8')
    .send({ error: { code, message: message ?? entry.message } });
}
