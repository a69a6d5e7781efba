/**
 * `<Pause>` rules (fidelity §3.3).
 */
import type { PauseVerb } from '../ast.ts';
import { AttrReader } from '../attrs.ts';
import type { BuildContext } from '../context.ts';
import { allowOnly } from '../nodes.ts';
import type { XmlElement } from '../xml/types.ts';

export function buildPause(ctx: BuildContext, el: XmlElement, path: string): PauseVerb {
  const a = new AttrReader(ctx, el, path, ['length']);
  allowOnly(ctx, el, path, [], false);
  return { verb: 'Pause', pos: el.pos, path, length: a.int('length', 13910, 1, 1) };
}
