/**
 * `<Enqueue>`: simulated in basic form (fidelity §2.5). The queue name is the text.
 * @note Twilio has no Enqueue-specific attribute codes; bad values give 12200.
 */
import type { EnqueueVerb } from '../ast.ts';
import { AttrReader } from '../attrs.ts';
import { type BuildContext, report } from '../context.ts';
import { allowOnly, directText } from '../nodes.ts';
import type { XmlElement } from '../xml/types.ts';

const ATTRS = ['action', 'method', 'waitUrl', 'waitUrlMethod', 'maxQueueSize', 'workflowSid'] as const;

export function buildEnqueue(ctx: BuildContext, el: XmlElement, path: string): EnqueueVerb | null {
  const a = new AttrReader(ctx, el, path, ATTRS);
  const tasks = allowOnly(ctx, el, path, ['Task'], true);
  a.method('waitUrlMethod', 12200);
  a.optInt('maxQueueSize', 12200, 1);
  const name = directText(el).trim();
  if (name === '' && tasks.length === 0) {
    report(
      ctx,
      12200,
      '<Enqueue> needs a queue name as its text (or a <Task> with workflowSid); skipped',
      el.pos,
      path,
    );
    return null;
  }
  const verb: EnqueueVerb = { verb: 'Enqueue', pos: el.pos, path, name, method: a.method('method', 12200) };
  const action = a.url('action');
  if (action !== undefined) verb.action = action;
  const waitUrl = a.url('waitUrl');
  if (waitUrl !== undefined) verb.waitUrl = waitUrl;
  return verb;
}
