/**
 * What `<Dial>` may contain (fidelity §2.3): a bare number as text, up to 10 `<Number>`
 * and up to 10 `<Client>`, or one of `<Conference>`, `<Queue>`, `<Application>`, `<Sim>`.
 * Other children give 13215 and are skipped.
 * @note fidelity §2.3 lists `<Sip>` among the exclusive nouns, but Twilio's own samples
 * (api-snippets sip-11) ring a Number and three Sips together, so Sip mixes like Number.
 */
import type { DialNoun } from '../ast.ts';
import { type BuildContext, report } from '../context.ts';
import { childElements, directText } from '../nodes.ts';
import type { XmlElement } from '../xml/types.ts';
import { buildClient, buildNumber, checkPhoneNumber } from './dial-parties.ts';
import { buildConference, buildQueue, buildSip, buildUnsimulatedNoun } from './dial-rooms.ts';

const LIMITS: Record<string, number> = {
  Number: 10,
  Client: 10,
  Sip: 10,
  Conference: 1,
  Queue: 1,
  Application: 1,
  Sim: 1,
};
/** Nouns that must be the only kind inside a Dial. */
const EXCLUSIVE = new Set(['Conference', 'Queue', 'Application', 'Sim']);

function bareNumber(ctx: BuildContext, el: XmlElement, path: string, text: string): DialNoun | null {
  const number = checkPhoneNumber(ctx, text.trim(), el.pos, path);
  return number === null ? null : { noun: 'Number', number };
}

export function buildDialNouns(ctx: BuildContext, el: XmlElement, path: string): DialNoun[] {
  const children = childElements(el, path);
  const text = directText(el);
  if (children.length === 0) {
    const noun = text.trim() === '' ? null : bareNumber(ctx, el, path, text);
    if (noun) return [noun];
    if (text.trim() === '')
      report(ctx, 13215, '<Dial> has nothing to dial (no number text and no nouns)', el.pos, path);
    return [];
  }
  if (text.trim() !== '')
    report(ctx, 13215, '<Dial> mixes a bare number with nouns; the text is ignored', el.pos, path);
  const counts = new Map<string, number>();
  const nouns: DialNoun[] = [];
  for (const c of children) {
    const name = c.el.name;
    const limit = LIMITS[name];
    const n = (counts.get(name) ?? 0) + 1;
    const otherKinds = [...counts.keys()].some((k) => k !== name);
    if (limit === undefined) {
      report(ctx, 13215, `<${name}> is not allowed inside <Dial>; skipped`, c.el.pos, c.path);
      continue;
    }
    if (
      n > limit ||
      (otherKinds && (EXCLUSIVE.has(name) || [...counts.keys()].some((k) => EXCLUSIVE.has(k))))
    ) {
      report(
        ctx,
        13215,
        `<${name}> cannot be combined with the other nouns of this <Dial> (limit ${limit}); skipped`,
        c.el.pos,
        c.path,
      );
      continue;
    }
    counts.set(name, n);
    const noun = buildNoun(ctx, c.el, c.path);
    if (noun) nouns.push(noun);
  }
  return nouns;
}

function buildNoun(ctx: BuildContext, el: XmlElement, path: string): DialNoun | null {
  switch (el.name) {
    case 'Number':
      return buildNumber(ctx, el, path);
    case 'Client':
      return buildClient(ctx, el, path);
    case 'Sip':
      return buildSip(ctx, el, path);
    case 'Conference':
      return buildConference(ctx, el, path);
    case 'Queue':
      return buildQueue(ctx, el, path);
    default:
      return buildUnsimulatedNoun(ctx, el, path);
  }
}
