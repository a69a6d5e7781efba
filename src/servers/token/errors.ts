import type { FastifyReply } from 'fastify';
import { sendJsonError } from '../shared/json-error.ts';

/** Stable error codes of `POST /token`; clients may switch on them. Never reuse one. */
export const TOKEN_ERRORS = {
  TOKEN_UNAUTHENTICATED: {
    status: 401,
    message: 'Send Authorization: Bearer <secret> or X-Api-Key: <secret>',
  },
  TOKEN_IDENTITY_MISMATCH: {
    status: 403,
    message: 'The body names an identity other than the one your secret maps to',
  },
  TOKEN_BAD_IDENTITY: { status: 400, message: 'identity must be 1-121 characters of A-Z, a-z, 0-9 or _' },
  TOKEN_BAD_REQUEST: {
    status: 400,
    message: 'The body must be a JSON object, e.g. {"identity":"alice"}, or empty',
  },
  TOKEN_BAD_JSON: { status: 400, message: 'The body is not valid JSON' },
  TOKEN_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send application/json or no body' },
  TOKEN_METHOD_NOT_ALLOWED: { status: 405, message: 'Use POST' },
  TOKEN_NOT_FOUND: { status: 404, message: 'The only route is POST /token' },
  TOKEN_INTERNAL: { status: 500, message: 'The token could not be issued' },
} as const;

export type TokenErrorCode = keyof typeof TOKEN_ERRORS;

/** Sends `{"error":{"code","message"}}` with the code's HTTP status. */
export function sendTokenError(reply: FastifyReply, code: TokenErrorCode, message?: string): FastifyReply {
  return sendJsonError(reply, TOKEN_ERRORS, code, message);
}
