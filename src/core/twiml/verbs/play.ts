/**
 * `<Play>` rules (fidelity §3.2): media URL body, loop, digits.
 */
import type { PlayVerb } from '../ast.ts';
import { AttrReader, isUsableUrl } from '../attrs.ts';
import { type BuildContext, report } from '../context.ts';
import { allowOnly, directText } from '../nodes.ts';
import type { XmlElement } from '../xml/types.ts';

const ATTRS = ['loop', 'digits'] as const;
const DIGITS = /^[0-9A-D#*wW]+$/;

/** Builds a Play; null when it has neither a usable URL nor digits (11100). */
export function buildPlay(ctx: BuildContext, el: XmlElement, path: string): PlayVerb | null {
  const a = new AttrReader(ctx, el, path, ATTRS);
  allowOnly(ctx, el, path, [], true);
  const loop = a.int('loop', 13410, 1, 0);
  let digits = a.raw('digits');
  if (digits !== undefined && !DIGITS.test(digits)) {
    a.bad('digits', 13430, 'DTMF characters 0-9 A-D # * w W', undefined);
    digits = undefined;
  }
  const body = directText(el).trim();
  if (body === '') {
    if (digits !== undefined) return { verb: 'Play', pos: el.pos, path, loop, digits };
    report(ctx, 11100, '<Play> needs a media URL as its text (or a digits attribute); skipped', el.pos, path);
    return null;
  }
  if (!isUsableUrl(body)) {
    report(
      ctx,
      11100,
      `<Play> URL ${JSON.stringify(body.slice(0, 80))} is not a valid http(s) or relative URL; skipped`,
      el.pos,
      path,
    );
    return null;
  }
  const verb: PlayVerb = { verb: 'Play', pos: el.pos, path, url: body, loop };
  if (digits !== undefined) verb.digits = digits;
  return verb;
}
