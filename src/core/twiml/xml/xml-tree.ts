/**
 * Raw document text → position-aware XmlElement tree, or the document-level problem (12100).
 * @note fast-xml-parser runs with entity processing off and `captureMetaData` on: its
 * `startIndex` for each element gives line/column, and callrig decodes entities itself.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeEntities } from './entities.ts';
import { LineIndex } from './line-index.ts';
import { preScan } from './pre-scan.ts';
import { readAttrPositions } from './tag-attrs.ts';
import type { XmlElement, XmlNode, XmlProblem } from './types.ts';

const PARSER_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  // @note Every tag and attribute name gets an '@' prefix so that names such as `constructor`
  // or `toString` never collide with (or make fast-xml-parser refuse) object properties;
  // they are then ordinary unknown names (12200), as they are for Twilio.
  attributeNamePrefix: '@',
  transformTagName: (name: string) => `@${name}`,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  captureMetaData: true,
  cdataPropName: '#cdata',
  commentPropName: '#comment',
} as const;

// @note typed as the `Symbol` wrapper by fast-xml-parser; it is a primitive symbol at runtime.
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** fast-xml-parser's ordered node: `{ [tag]: children, ':@'?: attrs }` or `{ '#text': s }`. */
type OrderedNode = Record<string, unknown>;

export type TreeResult = { ok: true; root: XmlElement } | { ok: false; problem: XmlProblem };

class TreeError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Builds the tree; never throws for malformed input (the caller still guards). */
export function buildXmlTree(text: string, maxDepth: number): TreeResult {
  const lines = new LineIndex(text);
  const fail = (message: string, offset: number): TreeResult => ({
    ok: false,
    problem: { code: 12100, message, pos: offset < 0 ? { line: 0, column: 0 } : lines.at(offset) },
  });
  const scan = preScan(text, maxDepth);
  const security = scan.find((p) => p.kind === 'security');
  if (security) return fail(security.message, security.offset);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    return {
      ok: false,
      problem: {
        code: 12100,
        message: `Not well-formed XML: ${msg}`,
        pos: { line: line ?? 0, column: col ?? 0 },
      },
    };
  }
  const structure = scan[0];
  if (structure) return fail(structure.message, structure.offset);
  const ordered = new XMLParser(PARSER_OPTIONS).parse(text) as OrderedNode[];
  try {
    const roots = convertList(ordered, text, lines).filter((n): n is XmlElement => n.kind === 'element');
    const root = roots[0];
    if (root && roots.length === 1) return { ok: true, root };
    const pos = roots[1]?.pos ?? { line: 0, column: 0 };
    return {
      ok: false,
      problem: { code: 12100, message: 'A TwiML document needs exactly one root element', pos },
    };
  } catch (err) {
    if (err instanceof TreeError) return fail(err.message, err.offset);
    throw err;
  }
}

function decodeOrThrow(raw: string, offset: number): string {
  const r = decodeEntities(raw);
  if (!r.ok) throw new TreeError(r.message, offset);
  return r.text;
}

function textOf(list: unknown): string {
  if (!Array.isArray(list)) return '';
  return list.map((n) => String((n as OrderedNode)['#text'] ?? '')).join('');
}

function convertList(list: OrderedNode[], text: string, lines: LineIndex, parentOffset = 0): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of list) {
    if (Object.hasOwn(node, '#text')) {
      out.push({ kind: 'text', text: decodeOrThrow(String(node['#text']), parentOffset) });
      continue;
    }
    if (Object.hasOwn(node, '#cdata')) {
      out.push({ kind: 'text', text: textOf(node['#cdata']) });
      continue;
    }
    const key = Object.keys(node).find((k) => k !== ':@');
    if (key === undefined || !key.startsWith('@') || key.startsWith('@?')) continue;
    // @note fast-xml-parser applies transformTagName twice to self-closing tags; XML names
    // cannot start with '@', so stripping every leading '@' is exact.
    const name = key.replace(/^@+/, '');
    const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META];
    const offset = meta?.startIndex ?? -1;
    const pos = offset < 0 ? { line: 0, column: 0 } : lines.at(offset);
    const rawAttrs = (node[':@'] ?? {}) as Record<string, unknown>;
    const attrPos = offset < 0 ? new Map<string, number>() : readAttrPositions(text, offset);
    const attrs = Object.keys(rawAttrs).map((attrKey) => {
      const attr = attrKey.replace(/^@+/, '');
      const at = attrPos.get(attr) ?? offset;
      return {
        name: attr,
        value: decodeOrThrow(String(rawAttrs[attrKey]), at),
        pos: at < 0 ? pos : lines.at(at),
      };
    });
    const kids = Array.isArray(node[key]) ? (node[key] as OrderedNode[]) : [];
    out.push({ kind: 'element', name, attrs, children: convertList(kids, text, lines, offset), pos });
  }
  return out;
}
