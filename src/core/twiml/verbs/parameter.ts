/**
 * `<Parameter name value>`: custom parameters under Hangup, Reject, Client, Stream, ...
 */
import { AttrReader } from '../attrs.ts';
import type { BuildContext } from '../context.ts';
import { allowOnly } from '../nodes.ts';
import type { XmlElement } from '../xml/types.ts';

/** Checks a Parameter and returns its name/value pair (undefined when it has no name). */
export function checkParameter(
  ctx: BuildContext,
  el: XmlElement,
  path: string,
): [string, string] | undefined {
  const a = new AttrReader(ctx, el, path, ['name', 'value']);
  allowOnly(ctx, el, path, [], false);
  const name = a.raw('name');
  if (name === undefined || name === '') {
    a.bad('name', 12200, 'a non-empty parameter name', undefined);
    return undefined;
  }
  return [name, a.raw('value') ?? ''];
}
