/**
 * `<Hangup>`, `<Leave>` and `<Reject>` (fidelity §3.6, §3.8): no verbs inside;
 * Hangup/Reject may carry `<Parameter>`, which callrig ignores.
 */
import type { HangupVerb, LeaveVerb, RejectVerb } from '../ast.ts';
import { AttrReader } from '../attrs.ts';
import type { BuildContext } from '../context.ts';
import { allowOnly } from '../nodes.ts';
import type { XmlElement } from '../xml/types.ts';
import { checkParameter } from './parameter.ts';

function parametersOnly(ctx: BuildContext, el: XmlElement, path: string): void {
  for (const p of allowOnly(ctx, el, path, ['Parameter'], false)) checkParameter(ctx, p.el, p.path);
}

export function buildHangup(ctx: BuildContext, el: XmlElement, path: string): HangupVerb {
  new AttrReader(ctx, el, path, []);
  parametersOnly(ctx, el, path);
  return { verb: 'Hangup', pos: el.pos, path };
}

export function buildReject(ctx: BuildContext, el: XmlElement, path: string): RejectVerb {
  const a = new AttrReader(ctx, el, path, ['reason']);
  parametersOnly(ctx, el, path);
  return {
    verb: 'Reject',
    pos: el.pos,
    path,
    reason: a.oneOf('reason', 13810, ['rejected', 'busy'] as const, 'rejected'),
  };
}

export function buildLeave(ctx: BuildContext, el: XmlElement, path: string): LeaveVerb {
  new AttrReader(ctx, el, path, []);
  allowOnly(ctx, el, path, [], false);
  return { verb: 'Leave', pos: el.pos, path };
}
