/**
 * Entity decoding done by callrig, not by the XML parser.
 * @note Only the five predefined entities and numeric character references exist for
 * callrig (fidelity §2.2): DOCTYPEs are rejected earlier, so no other entity can be
 * defined, and an undefined one means the document is not well-formed (12100).
 */
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export type DecodeResult = { ok: true; text: string } | { ok: false; message: string };

/** True when `cp` is a character XML 1.0 allows in a document. */
export function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

function decodeRef(body: string): string | undefined {
  const named = Object.hasOwn(PREDEFINED, body) ? PREDEFINED[body] : undefined;
  if (named !== undefined) return named;
  const m = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(body);
  if (!m) return undefined;
  const cp = m[1] !== undefined ? Number.parseInt(m[1], 16) : Number.parseInt(m[2] ?? '', 10);
  return isXmlChar(cp) ? String.fromCodePoint(cp) : undefined;
}

/** Decodes `&…;` references in raw text or attribute values. */
export function decodeEntities(raw: string): DecodeResult {
  if (!raw.includes('&')) return { ok: true, text: raw };
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const amp = raw.indexOf('&', i);
    if (amp < 0) {
      out += raw.slice(i);
      break;
    }
    out += raw.slice(i, amp);
    const semi = raw.indexOf(';', amp);
    const body = semi < 0 ? '' : raw.slice(amp + 1, semi);
    const decoded = semi < 0 || body.length > 10 ? undefined : decodeRef(body);
    if (decoded === undefined) {
      const shown = semi < 0 || body.length > 10 ? raw.slice(amp, amp + 12) : `&${body};`;
      return {
        ok: false,
        message: `Undefined or invalid entity reference "${shown}": only &amp; &lt; &gt; &quot; &apos; and valid numeric character references are allowed`,
      };
    }
    out += decoded;
    i = semi + 1;
  }
  return { ok: true, text: out };
}
