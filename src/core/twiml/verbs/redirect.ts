/**
 * `<Redirect>` rules (fidelity §3.7): URL body required (11100), method GET/POST (13710).
 */
import type { RedirectVerb } from '../ast.ts';
import { AttrReader, isUsableUrl } from '../attrs.ts';
import { type BuildContext, report } from '../context.ts';
import { allowOnly, directText } from '../nodes.ts';
import type { XmlElement } from '../xml/types.ts';

/**
 * Builds a Redirect; null when its URL is missing (11100 by default) or malformed (11100).
 * @note [rig] An empty `<Redirect/>` appears in Twilio's own queue sample, where it re-requests
 * the current document. With `emptyRedirect: 'current-document'` it parses to `url: ''`,
 * which WHATWG resolution against the document URL turns into that same URL.
 */
export function buildRedirect(ctx: BuildContext, el: XmlElement, path: string): RedirectVerb | null {
  const a = new AttrReader(ctx, el, path, ['method']);
  allowOnly(ctx, el, path, [], true);
  const method = a.method('method', 13710);
  const url = directText(el).trim();
  if (url === '' && ctx.emptyRedirect === 'current-document')
    return { verb: 'Redirect', pos: el.pos, path, url, method };
  if (url === '' || !isUsableUrl(url)) {
    const why =
      url === ''
        ? 'needs the target URL as its text'
        : `URL ${JSON.stringify(url.slice(0, 80))} is not a valid http(s) or relative URL`;
    report(ctx, 11100, `<Redirect> ${why}; skipped`, el.pos, path);
    return null;
  }
  return { verb: 'Redirect', pos: el.pos, path, url, method };
}
