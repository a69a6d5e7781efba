import type { FastifyInstance } from 'fastify';
import type { CallbackQueue } from './callback-queue/types.ts';
import { sendHelpDeskError } from './errors.ts';

/**
 * Staff routes: `GET /callbacks` (pending, oldest first) and `POST /callbacks/:id/done`.
 * @note Not Twilio-signed; deploy them behind the staff network or a proxy with auth.
 */
export async function adminRoutes(app: FastifyInstance, deps: { queue: CallbackQueue; now: () => number }) {
  app.get('/callbacks', async () => ({ callbacks: await deps.queue.listPending() }));

  app.post<{ Params: { id: string } }>('/callbacks/:id/done', async (request, reply) => {
    const { id } = request.params;
    if (!/^[1-9]\d{0,15}$/.test(id)) return sendHelpDeskError(reply, 'HELPDESK_BAD_ID');
    const found = await deps.queue.markDone(Number(id), deps.now());
    if (!found) return sendHelpDeskError(reply, 'HELPDESK_CALLBACK_NOT_FOUND');
    return { callback: await deps.queue.get(Number(id)) };
  });
}
