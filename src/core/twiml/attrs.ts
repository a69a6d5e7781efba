/**
 * Attribute reading and coercion for one element. Every reader validates the value as
 * Twilio does; a bad value becomes the verb-specific diagnostic and the default is used
 * (fidelity §2.2). Unknown attribute names give 12200 and are skipped.
 */
import type { HttpMethod } from './ast.ts';
import { type BuildContext, report } from './context.ts';
import type { XmlAttr, XmlElement } from './xml/types.ts';

const INT = /^\s*\d{1,9}\s*$/;

export class AttrReader {
  private readonly byName = new Map<string, XmlAttr>();

  constructor(
    private readonly ctx: BuildContext,
    private readonly el: XmlElement,
    readonly path: string,
    known: readonly string[],
  ) {
    for (const a of el.attrs) {
      if (known.includes(a.name)) this.byName.set(a.name, a);
      else {
        const hint = known.find((k) => k.toLowerCase() === a.name.toLowerCase());
        const why = hint ? ` (attribute names are case-sensitive: did you mean "${hint}"?)` : '';
        report(
          ctx,
          12200,
          `Unknown attribute "${a.name}" on <${el.name}>${why}; ignored`,
          a.pos,
          `${path}@${a.name}`,
        );
      }
    }
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The decoded value as written, or undefined when absent. */
  raw(name: string): string | undefined {
    return this.byName.get(name)?.value;
  }

  /** Reports `code` for attribute `name` with a uniform "using the default" message. */
  bad(name: string, code: number, expected: string, fallback: unknown): void {
    const a = this.byName.get(name);
    const shown = a ? JSON.stringify(a.value.length > 60 ? `${a.value.slice(0, 60)}…` : a.value) : '';
    const def = fallback === undefined ? 'ignoring it' : `using the default ${JSON.stringify(fallback)}`;
    report(
      this.ctx,
      code,
      `<${this.el.name}> ${name}=${shown} is invalid: expected ${expected}; ${def}`,
      a?.pos ?? this.el.pos,
      `${this.path}@${name}`,
    );
  }

  int(name: string, code: number, def: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
    const v = this.raw(name);
    if (v === undefined) return def;
    const n = INT.test(v) ? Number.parseInt(v, 10) : Number.NaN;
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    this.bad(
      name,
      code,
      max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer from ${min} to ${max}`,
      def,
    );
    return def;
  }

  /** Optional integer: undefined when absent or bad. */
  optInt(name: string, code: number, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
    if (!this.has(name)) return undefined;
    const n = this.int(name, code, Number.NaN, min, max);
    return Number.isNaN(n) ? undefined : n;
  }

  /** Booleans are exactly "true" or "false", as twilio-node writes them. */
  bool(name: string, code: number, def: boolean): boolean {
    const v = this.raw(name);
    if (v === undefined) return def;
    if (v === 'true' || v === 'false') return v === 'true';
    this.bad(name, code, '"true" or "false"', def);
    return def;
  }

  oneOf<T extends string>(name: string, code: number, allowed: readonly T[], def: T): T {
    const v = this.raw(name);
    if (v === undefined) return def;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    this.bad(name, code, `one of ${allowed.join(', ')}`, def);
    return def;
  }

  method(name: string, code: number): HttpMethod {
    return this.oneOf(name, code, ['GET', 'POST'] as const, 'POST');
  }

  /** A space-separated list whose every word is in `allowed`; duplicates are dropped. */
  list<T extends string>(name: string, code: number, allowed: readonly T[], def: T[]): T[] {
    const v = this.raw(name);
    if (v === undefined) return def;
    const words = v.split(/\s+/).filter((w) => w !== '');
    if (words.length > 0 && words.every((w) => (allowed as readonly string[]).includes(w)))
      return [...new Set(words)] as T[];
    this.bad(name, code, `a space-separated list of ${allowed.join(', ')}`, def.join(' '));
    return def;
  }

  /** A URL attribute (absolute http(s) or relative); bad → `code` (11100 by default). */
  url(name: string, code = 11100): string | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    if (isUsableUrl(v)) return v.trim();
    this.bad(name, code, 'an absolute http(s) URL or a relative URL', undefined);
    return undefined;
  }
}

/**
 * True for an absolute http(s) URL or a relative reference that WHATWG URL parsing accepts.
 * @note Other schemes (file:, javascript:, data:) are refused: Twilio only fetches http(s).
 */
export function isUsableUrl(value: string): boolean {
  const v = value.trim();
  if (v === '') return false;
  try {
    const u = new URL(v, 'https://document.invalid/');
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
