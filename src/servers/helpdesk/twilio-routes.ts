import type { FastifyInstance } from 'fastify';
import type { CallbackQueue, NewCallback } from './callback-queue/types.ts';
import type { HelpDeskConfig } from './config.ts';
import { sendHelpDeskError } from './errors.ts';
import { type FormParams, formParams, hasValidSignature, publicBase } from './signature.ts';
import { thankYouDocument, voiceDocument } from './twiml.ts';

/** What the Twilio-facing routes need. */
export interface TwilioRouteDeps {
  readonly config: HelpDeskConfig;
  readonly queue: CallbackQueue;
  readonly now: () => number;
}

/** The routes Twilio calls: `/voice`, `/recording-callback`, `/status-callback`. All signed. */
export async function twilioRoutes(
  app: FastifyInstance,
  { config, queue, now }: TwilioRouteDeps,
): Promise<void> {
  // @note Runs before every handler in this plugin, so an unsigned request never reaches the queue.
  app.addHook('preHandler', async (request, reply) => {
    if (!config.validateSignatures || hasValidSignature(config, request)) return;
    request.log.warn({ url: request.url }, 'rejected request with a bad X-Twilio-Signature');
    return sendHelpDeskError(reply, 'HELPDESK_BAD_SIGNATURE');
  });

  app.route({
    method: ['GET', 'POST'],
    url: '/voice',
    handler: async (request, reply) =>
      reply.type('text/xml').send(voiceDocument(config, publicBase(config, request))),
  });

  app.post('/recording-callback', async (request, reply) => {
    const params = formParams(request);
    const callSid = first(params, 'CallSid');
    if (callSid === null) return sendHelpDeskError(reply, 'HELPDESK_BAD_CALLBACK');
    const entry: NewCallback = {
      callSid,
      caller: first(params, 'From') ?? first(params, 'Caller'),
      recordingSid: first(params, 'RecordingSid'),
      recordingUrl: first(params, 'RecordingUrl'),
      recordingDuration: toInt(first(params, 'RecordingDuration')),
      digits: first(params, 'Digits'),
      receivedAt: now(),
    };
    const { id, created } = await queue.add(entry);
    request.log.info(
      { id, created, callSid, recordingSid: entry.recordingSid },
      'recording callback registered',
    );
    // @note After Digits=hangup the call is over and Twilio ignores the body; answering the
    // same valid TwiML anyway keeps one code path and passes "validate" mode (fidelity §3.4).
    return reply.type('text/xml').send(thankYouDocument(config));
  });

  // @note Status callbacks carry no instructions; Twilio accepts 204 (fidelity §4.9).
  app.post('/status-callback', async (_request, reply) => reply.code(204).send());
}

/** The first value of a form field; repeated keys arrive as arrays. Empty counts as absent. */
function first(params: FormParams, name: string): string | null {
  const raw = params[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined || value === '' ? null : value;
}

function toInt(value: string | null): number | null {
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}
