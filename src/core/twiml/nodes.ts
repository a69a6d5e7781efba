/**
 * Small tree helpers shared by the verb builders: child paths and text content.
 */
import { type BuildContext, report } from './context.ts';
import type { XmlElement } from './xml/types.ts';

export interface PathedElement {
  el: XmlElement;
  /** e.g. `Response/Gather[2]/Say[1]`: 1-based index among siblings of the same name. */
  path: string;
}

/** Element children with their paths, in document order. */
export function childElements(el: XmlElement, path: string): PathedElement[] {
  const seen = new Map<string, number>();
  const out: PathedElement[] = [];
  for (const child of el.children) {
    if (child.kind !== 'element') continue;
    const n = (seen.get(child.name) ?? 0) + 1;
    seen.set(child.name, n);
    out.push({ el: child, path: `${path}/${child.name}[${n}]` });
  }
  return out;
}

/** Concatenated direct text children (CDATA included), not trimmed. */
export function directText(el: XmlElement): string {
  let s = '';
  for (const c of el.children) if (c.kind === 'text') s += c.text;
  return s;
}

/**
 * Enforces "no children" / "no text" rules: anything not in `allowed` gives 12200 and is
 * dropped. Returns the allowed children.
 */
export function allowOnly(
  ctx: BuildContext,
  el: XmlElement,
  path: string,
  allowed: readonly string[],
  allowText: boolean,
): PathedElement[] {
  if (!allowText && directText(el).trim() !== '') {
    report(ctx, 12200, `<${el.name}> does not take text content; ignored`, el.pos, path);
  }
  const kept: PathedElement[] = [];
  for (const child of childElements(el, path)) {
    if (allowed.includes(child.el.name)) kept.push(child);
    else
      report(
        ctx,
        12200,
        `<${child.el.name}> is not allowed inside <${el.name}>; skipped`,
        child.el.pos,
        child.path,
      );
  }
  return kept;
}
