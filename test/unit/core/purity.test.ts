import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CORE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../src/core');
const ALLOWED_PACKAGES = new Set(['fast-xml-parser']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every module specifier in import/export-from statements and dynamic imports. */
function specifiers(src: string): string[] {
  const out: string[] = [];
  const re =
    /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
  for (const m of src.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3]) as string);
  return out;
}

function violations(file: string, src: string): string[] {
  const bad: string[] = [];
  for (const spec of specifiers(src)) {
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      if (relative(CORE, target).startsWith('..')) bad.push(`${spec} (outside src/core)`);
    } else if (spec.startsWith('node:')) bad.push(`${spec} (node: module)`);
    else {
      const pkg = spec.startsWith('@')
        ? spec.split('/').slice(0, 2).join('/')
        : (spec.split('/')[0] as string);
      if (!ALLOWED_PACKAGES.has(pkg)) bad.push(`${spec} (package not allowed in core)`);
    }
  }
  return bad;
}

describe('src/core is pure', () => {
  it('imports nothing outside core, no node: modules, no package but fast-xml-parser', () => {
    const problems: string[] = [];
    for (const f of files(CORE)) {
      for (const v of violations(f, readFileSync(f, 'utf8'))) problems.push(`${relative(CORE, f)}: ${v}`);
    }
    expect(problems).toEqual([]);
  });

  it('the check itself catches each kind of violation', () => {
    const f = join(CORE, 'engine', 'x.ts');
    expect(violations(f, "import { readFileSync } from 'node:fs';")).toHaveLength(1);
    expect(violations(f, "import fastify from 'fastify';")).toHaveLength(1);
    expect(violations(f, "export { x } from '../../twilio/plugin.ts';")).toHaveLength(1);
    expect(violations(f, "const m = await import('fs');")).toHaveLength(1);
    expect(
      violations(
        f,
        "import { XMLParser } from 'fast-xml-parser';\nimport type { Clock } from '../clock/clock.ts';",
      ),
    ).toEqual([]);
  });
});
