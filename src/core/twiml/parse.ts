/**
 * parseTwiml: TwiML text → typed AST plus every diagnostic, the way Twilio reads a voice
 * document (fidelity §2.1–2.3, §3, §8). Safe by construction: size and depth are bounded,
 * DOCTYPE/ENTITY is refused, entities are never expanded, and nothing thrown inside ever
 * escapes (it becomes a 12100 diagnostic).
 */
import type { Diagnostic } from '../errors/diagnostic.ts';
import type { ParseResult } from './ast.ts';
import { buildDocument } from './build.ts';
import { type BuildContext, createContext, report } from './context.ts';
import { LineIndex } from './xml/line-index.ts';
import { findIllegalChar } from './xml/pre-scan.ts';
import { buildXmlTree } from './xml/xml-tree.ts';

export interface ParseOptions {
  /** File name or URL, copied into every diagnostic. */
  file?: string;
  /** Size limit in UTF-8 bytes; default 65,536 (Twilio's 64 kB, code 11750). */
  maxBytes?: number;
  /** Element nesting limit; default 64. Deeper documents give 12100. */
  maxDepth?: number;
  /** Parse as a whisper document (`<Number url>`): only Play, Say, Pause, Gather, Hangup. */
  whisper?: boolean;
  /**
   * [rig] `'error'` (default, fidelity §3.7): an empty `<Redirect/>` gives 11100.
   * `'current-document'`: it redirects to the current document URL (`url: ''`).
   */
  emptyRedirect?: 'error' | 'current-document';
}

export const DEFAULT_MAX_BYTES = 65_536;
export const DEFAULT_MAX_DEPTH = 64;
const NO_POS = { line: 0, column: 0 };

/** UTF-8 byte length without TextEncoder, stopping early once over `limit`. */
function utf8Length(s: string, limit: number): number {
  let n = 0;
  for (let i = 0; i < s.length && n <= limit; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Parses and validates one TwiML document. `document` is null when a document-level
 * error (11750, 12100, 12101, 12102) makes it unusable; verb-level errors keep the
 * document and are only reported.
 * @example
 * const { document, diagnostics } = parseTwiml('<Response><Say>Hi</Say></Response>');
 */
export function parseTwiml(xml: string, opts: ParseOptions = {}): ParseResult {
  const ctx = createContext(opts.file, opts.whisper === true, opts.emptyRedirect);
  try {
    const document = parseInto(ctx, typeof xml === 'string' ? xml : String(xml), opts);
    return { document, diagnostics: sortDiagnostics(ctx.diagnostics) };
  } catch (err) {
    // @note Last-resort guard: a parser bug must look like a bad document, not a crash.
    const why = err instanceof Error ? err.message : String(err);
    const fresh = createContext(opts.file, opts.whisper === true);
    report(fresh, 12100, `Document parse failure: ${why.slice(0, 200)}`, NO_POS);
    return { document: null, diagnostics: fresh.diagnostics };
  }
}

function parseInto(ctx: BuildContext, input: string, opts: ParseOptions) {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = utf8Length(input, maxBytes);
  if (bytes > maxBytes) {
    report(
      ctx,
      11750,
      `Document is larger than ${maxBytes} bytes (UTF-8); Twilio refuses TwiML over 64 kB`,
      NO_POS,
    );
    return null;
  }
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === '') {
    report(ctx, 12100, 'Document is empty: a TwiML document needs a <Response> root element', NO_POS);
    return null;
  }
  const illegal = findIllegalChar(text);
  if (illegal) {
    report(ctx, 12100, illegal.message, new LineIndex(text).at(illegal.offset));
    return null;
  }
  const tree = buildXmlTree(text, opts.maxDepth ?? DEFAULT_MAX_DEPTH);
  if (!tree.ok) {
    report(ctx, tree.problem.code, tree.problem.message, tree.problem.pos);
    return null;
  }
  const root = tree.root;
  if (root.name !== 'Response') {
    report(
      ctx,
      12102,
      `Root element is <${root.name}>; a TwiML document must have <Response> as its root`,
      root.pos,
      root.name,
    );
    return null;
  }
  const version = root.attrs.find((a) => a.name === 'version');
  if (version && version.value !== '2010-04-01') {
    report(
      ctx,
      12101,
      `<Response version="${version.value.slice(0, 40)}"> is not supported; only 2010-04-01 (or no version)`,
      version.pos,
      'Response@version',
    );
    return null;
  }
  return buildDocument(ctx, root);
}

/** Document order (line, then column); stable for equal positions. */
function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.line - b.d.line || a.d.column - b.d.column || a.i - b.i)
    .map((x) => x.d);
}
