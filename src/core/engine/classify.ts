/**
 * Turns a webhook answer into what Twilio would do with it (fidelity §2.1): a TwiML document,
 * a played audio file, spoken plain text, or a fatal error code.
 */
import type { CallrigCode } from '../errors/callrig-codes.ts';
import type { Diagnostic } from '../errors/diagnostic.ts';
import type { ParseResult, TwimlDocument } from '../twiml/ast.ts';
import { parseTwiml } from '../twiml/index.ts';
import type { WebhookResult } from './ports.ts';

export type Classified =
  | { kind: 'twiml'; document: TwimlDocument; diagnostics: Diagnostic[] }
  | { kind: 'audio'; contentType: string }
  | { kind: 'text'; text: string }
  | { kind: 'fatal'; code: number | CallrigCode; message: string; diagnostics: Diagnostic[] };

const XML_TYPES = new Set(['text/xml', 'application/xml', 'text/html']);
const AUDIO_TYPES = new Set([
  'audio/mpeg',
  'audio/wav',
  'audio/wave',
  'audio/x-wav',
  'audio/aiff',
  'audio/x-aifc',
  'audio/x-aiff',
  'audio/x-gsm',
  'audio/gsm',
  'audio/ulaw',
]);
const MAX_BODY_BYTES = 65_536;

/** The media type without parameters, lower-cased. */
export function mediaType(contentType: string): string {
  const semi = contentType.indexOf(';');
  return (semi < 0 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
}

export function isAudioType(contentType: string | null): boolean {
  return contentType !== null && AUDIO_TYPES.has(mediaType(contentType));
}

/**
 * Classifies one answer. Transport failures keep the port's code. @note The order of checks
 * (status, missing type, size, empty chunked, type) follows §2.1's table top to bottom where
 * it is unambiguous; Twilio documents no precedence between the rows.
 */
export function classify(res: WebhookResult, cache: ParseCache): Classified {
  if (!res.ok) return { kind: 'fatal', code: res.code, message: res.message, diagnostics: [] };
  if (res.status < 200 || res.status >= 300) {
    return fatal(11200, `HTTP retrieval failure: the server answered ${res.status}`);
  }
  if (res.contentType === null) {
    return fatal(
      11200,
      'HTTP retrieval failure: the response has no Content-Type header (Twilio shows a 502)',
    );
  }
  if (res.bodyBytes > MAX_BODY_BYTES) {
    return fatal(11750, `TwiML response body too large: ${res.bodyBytes} bytes (limit 65,536)`);
  }
  if (res.chunked === true && res.bodyBytes === 0) return fatal(11770, 'Empty response body (chunked)');
  const type = mediaType(res.contentType);
  if (XML_TYPES.has(type)) {
    const parsed = cache.parse(res.body);
    if (parsed.document === null) return fromDiagnostics(parsed);
    return { kind: 'twiml', document: parsed.document, diagnostics: parsed.diagnostics };
  }
  if (AUDIO_TYPES.has(type)) return { kind: 'audio', contentType: type };
  if (type === 'text/plain') {
    // @note Plain text runs as TwiML only if it is a TwiML document; otherwise it is spoken.
    if (res.body.trimStart().startsWith('<')) {
      const parsed = cache.parse(res.body);
      if (parsed.document !== null)
        return { kind: 'twiml', document: parsed.document, diagnostics: parsed.diagnostics };
    }
    return { kind: 'text', text: res.body.trim() };
  }
  return fatal(
    12300,
    `Invalid Content-Type '${res.contentType}': TwiML must be text/xml, application/xml or text/html`,
  );
}

/** Classifies inline TwiML (REST `Twiml`, control input): parse only. */
export function classifyInline(twiml: string, cache: ParseCache): Classified {
  const parsed = cache.parse(twiml);
  if (parsed.document === null) return fromDiagnostics(parsed);
  return { kind: 'twiml', document: parsed.document, diagnostics: parsed.diagnostics };
}

function fatal(code: number, message: string): Classified {
  return { kind: 'fatal', code, message, diagnostics: [] };
}

function fromDiagnostics(parsed: ParseResult): Classified {
  const first = parsed.diagnostics.find((d) => d.severity === 'error');
  const code = typeof first?.code === 'number' ? first.code : 12100;
  return {
    kind: 'fatal',
    code,
    message: first?.message ?? 'Document parse failure',
    diagnostics: parsed.diagnostics,
  };
}

/**
 * A small LRU of parse results keyed by body text. @note Documents repeat across calls (every
 * caller gets the same greeting), and results are never mutated by the engine, so sharing
 * them is safe; the bound keeps memory flat under random input.
 */
export interface ParseCache {
  parse(body: string): ParseResult;
}

export function createParseCache(size: number): ParseCache {
  const map = new Map<string, ParseResult>();
  return {
    parse(body) {
      const hit = map.get(body);
      if (hit !== undefined) {
        map.delete(body);
        map.set(body, hit);
        return hit;
      }
      const result = parseTwiml(body);
      if (size > 0 && body.length <= MAX_BODY_BYTES) {
        if (map.size >= size) {
          const oldest = map.keys().next();
          if (oldest.done !== true) map.delete(oldest.value);
        }
        map.set(body, result);
      }
      return result;
    },
  };
}
