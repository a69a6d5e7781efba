import type { FastifyReply } from 'fastify';
import { sendJsonError } from '../shared/json-error.ts';

/** Stable error codes of the help desk's JSON answers. Never reuse one. */
export const HELPDESK_ERRORS = {
  HELPDESK_BAD_SIGNATURE: {
    status: 403,
    message: 'X-Twilio-Signature is missing or does not match this request',
  },
  HELPDESK_BAD_CALLBACK: { status: 400, message: 'The recording callback has no CallSid' },
  HELPDESK_BAD_ID: { status: 400, message: 'The callback id must be a positive whole number' },
  HELPDESK_CALLBACK_NOT_FOUND: { status: 404, message: 'No callback has that id' },
  HELPDESK_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send application/x-www-form-urlencoded' },
  HELPDESK_BAD_REQUEST: { status: 400, message: 'The request could not be read' },
  HELPDESK_NOT_FOUND: { status: 404, message: 'No such route' },
  HELPDESK_INTERNAL: { status: 500, message: 'The help desk failed to handle the request' },
} as const;

export type HelpDeskErrorCode = keyof typeof HELPDESK_ERRORS;

/** Sends `{"error":{"code","message"}}` with the code's HTTP status. */
export function sendHelpDeskError(reply: FastifyReply, code: HelpDeskErrorCode): FastifyReply {
  return sendJsonError(reply, HELPDESK_ERRORS, code);
}
