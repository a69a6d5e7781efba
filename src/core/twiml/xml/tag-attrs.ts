/**
 * Offsets of each attribute name inside the start tag at `lt`.
 * @note fast-xml-parser reports where an element starts but not where its attributes are;
 * diagnostics point at the attribute, so this re-reads the (already validated) tag text.
 */
export function readAttrPositions(text: string, lt: number): Map<string, number> {
  const found = new Map<string, number>();
  let i = lt + 1;
  while (i < text.length && !/[\s/>]/.test(text[i] ?? '>')) i++;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
    const ch = text[i];
    if (ch === undefined || ch === '>' || ch === '/') break;
    const start = i;
    while (i < text.length && !/[\s=/>]/.test(text[i] ?? '>')) i++;
    const name = text.slice(start, i);
    if (!found.has(name)) found.set(name, start);
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
    if (text[i] !== '=') continue;
    i++;
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") continue;
    const close = text.indexOf(quote, i + 1);
    i = close < 0 ? text.length : close + 1;
  }
  return found;
}
