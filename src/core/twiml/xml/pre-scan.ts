/**
 * A linear lexical pass over the raw document, run before any XML parser sees it.
 * @note It exists for safety and for the gaps of fast-xml-parser's validator: it refuses
 * DOCTYPE/ENTITY declarations (never expanded, fidelity §2.2), bounds nesting depth before a
 * parser recurses, and catches what the validator lets through (a second root element, text
 * after the root). It is tolerant: on malformed input it stops and lets the validator speak.
 */
import { isXmlChar } from './entities.ts';

export interface ScanProblem {
  /** `security` problems are reported before validation; `structure` ones only after it passes. */
  kind: 'security' | 'structure';
  message: string;
  offset: number;
}

/** Finds the first character XML 1.0 forbids (control characters, lone surrogates, U+FFFE/F). */
export function findIllegalChar(text: string): ScanProblem | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    if (c >= 0xdc00 && c <= 0xdfff) cp = -1;
    if (cp < 0 || !isXmlChar(cp)) {
      const hex = c.toString(16).toUpperCase().padStart(4, '0');
      const what = c >= 0xd800 && c <= 0xdfff ? 'lone surrogate' : 'character';
      return {
        kind: 'security',
        offset: i,
        message: `Illegal ${what} U+${hex}: XML 1.0 does not allow it in a document`,
      };
    }
  }
  return null;
}

/**
 * Offset of the `>` closing a tag that starts at `lt`, skipping quoted attribute values,
 * and the offset of the first `<` inside a value (XML forbids it; the validator allows it).
 */
function tagEnd(text: string, lt: number): { gt: number; ltInValue: number } {
  let quote = '';
  let ltInValue = -1;
  for (let j = lt + 1; j < text.length; j++) {
    const ch = text[j];
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === '<' && ltInValue < 0) ltInValue = j;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return { gt: j, ltInValue };
  }
  return { gt: -1, ltInValue };
}

/** Scans markup; returns the first security problem, or the first structural one. */
export function preScan(text: string, maxDepth: number): ScanProblem[] {
  const problems: ScanProblem[] = [];
  let depth = 0;
  let roots = 0;
  let i = 0;
  const skipTo = (from: number, end: string): number => {
    const at = text.indexOf(end, from);
    return at < 0 ? text.length : at + end.length;
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const stop = lt < 0 ? text.length : lt;
    if (depth === 0 && problems.length === 0) {
      // @note XML whitespace only: JS \s would also accept U+FEFF and U+00A0.
      const m = /[^ \t\r\n]/.exec(text.slice(i, stop));
      const where = roots > 0 ? 'after' : 'before';
      if (m)
        problems.push({ kind: 'structure', offset: i + m.index, message: `Text ${where} the root element` });
    }
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) i = skipTo(lt + 4, '-->');
    else if (text.startsWith('<![CDATA[', lt)) {
      if (depth === 0 && problems.length === 0)
        problems.push({ kind: 'structure', offset: lt, message: 'CDATA outside the root element' });
      i = skipTo(lt + 9, ']]>');
    } else if (text.startsWith('<?', lt)) i = skipTo(lt + 2, '?>');
    else if (text.startsWith('<!', lt)) {
      const what =
        /^<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST)/i.exec(text.slice(lt, lt + 10))?.[1]?.toUpperCase() ?? 'markup';
      return [
        {
          kind: 'security',
          offset: lt,
          message: `<!${what}> declarations are not allowed in TwiML (callrig never expands entities)`,
        },
      ];
    } else if (text.startsWith('</', lt)) {
      depth = Math.max(0, depth - 1);
      i = skipTo(lt + 2, '>');
    } else {
      const { gt, ltInValue } = tagEnd(text, lt);
      if (gt < 0) break;
      if (ltInValue >= 0 && problems.length === 0) {
        problems.push({
          kind: 'structure',
          offset: ltInValue,
          message: "'<' is not allowed in an attribute value (write &lt;)",
        });
      }
      const selfClosing = text[gt - 1] === '/';
      if (depth === 0) roots++;
      if (roots > 1 && problems.length === 0) {
        problems.push({
          kind: 'structure',
          offset: lt,
          message: 'More than one root element: a TwiML document has exactly one <Response>',
        });
      }
      if (depth + 1 > maxDepth) {
        return [
          {
            kind: 'security',
            offset: lt,
            message: `Elements nested deeper than ${maxDepth} levels; refusing to parse`,
          },
        ];
      }
      if (!selfClosing) depth++;
      i = gt + 1;
    }
  }
  return problems;
}
