/** The Twilio SID prefixes callrig mints (shared/fidelity/twilio-voice.md §1). */
export type SidPrefix = 'AC' | 'AP' | 'CA' | 'RE' | 'SK' | 'CR' | 'TR' | 'PN' | 'MM' | 'NO';

/** Deterministic identifiers: the same seed gives the same SIDs, run after run. */
export interface IdSource {
  /** A new SID: prefix + 32 lower-case hex digits, never repeated within this source. */
  sid(prefix: SidPrefix): string;
  /** A new RFC 4122-shaped (v4 layout) UUID, from the same seeded stream. */
  uuid(): string;
  /** A new lower-case hex string of `length` digits. */
  hex(length: number): string;
}

/** Matches any well-formed SID with the given prefix, either hex case (Twilio accepts both). */
export function isSid(value: string, prefix: SidPrefix): boolean {
  return value.length === 34 && value.startsWith(prefix) && /^[0-9a-fA-F]{32}$/.test(value.slice(2));
}

/**
 * A seeded id source. @note sfc32 is used rather than Math.random so that ids are reproducible
 * from the seed alone (a scenario's golden timeline depends on it) and cheap enough for the
 * engine's hot path.
 */
export function createIdSource(seed: string | number = 1): IdSource {
  let [a, b, c, d] = seedWords(String(seed));
  const next32 = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  const hex = (length: number): string => {
    let out = '';
    while (out.length < length) out += next32().toString(16).padStart(8, '0');
    return out.slice(0, length);
  };
  const seen = new Set<string>();
  return {
    hex,
    sid(prefix) {
      for (;;) {
        const sid = prefix + hex(32);
        if (!seen.has(sid)) {
          seen.add(sid);
          return sid;
        }
      }
    },
    uuid() {
      const h = hex(32);
      const variant = ((Number.parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  };
}

/** cyrb128: spreads a string seed over four 32-bit words. */
function seedWords(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}
