import type { ErrorObject } from 'ajv';

/**
 * Turns ajv's raw output for `oneOf`/`anyOf` into what a person needs to read. Ajv reports
 * the failure of every branch; a user wrote one shape and wants to hear about that one.
 * @note Heuristic, after better-ajv-errors: branches whose failure is "wrong type/const at
 * this very value" are the shapes the user did not mean; of the rest, the one with the
 * fewest (then deepest) errors wins. When every remaining branch only objects to the same
 * unknown key, one "unknown key" error with the union of their keys is reported.
 */
export function explainAlternatives(input: readonly ErrorObject[]): ErrorObject[] {
  let errors = [...input];
  // @note Innermost first, so an outer alternative sees its branches already explained.
  const alternatives = errors
    .filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
    .sort(
      (a, b) => b.instancePath.length - a.instancePath.length || b.schemaPath.length - a.schemaPath.length,
    );
  for (const alt of alternatives) {
    const at = errors.indexOf(alt);
    if (at < 0) continue;
    const branches = new Map<number, ErrorObject[]>();
    // @note Ajv appends a oneOf's branch errors just before the oneOf error itself.
    for (const e of errors.slice(0, at)) {
      const index = branchOf(e, alt);
      if (index !== undefined) branches.set(index, [...(branches.get(index) ?? []), e]);
    }
    const members = new Set([...branches.values()].flat());
    const rest = errors.filter((e) => !members.has(e) && e !== alt);
    const plausible = [...branches.values()].filter((list) => !list.some((e) => isShapeMismatch(e, alt)));
    // @note A branch reached through nested `$ref`s reports errors that cannot be traced back
    // to it; when those deeper errors exist they already say what is wrong.
    const explained =
      plausible.length === 0 && rest.some((e) => e.instancePath.startsWith(`${alt.instancePath}/`));
    errors = [...rest, ...(explained ? [] : choose(alt, plausible))];
  }
  return errors;
}

/** Which branch of `alt` produced `e`: by inline schema path or by the branch's `$ref` target. */
function branchOf(e: ErrorObject, alt: ErrorObject): number | undefined {
  if (!within(e.instancePath, alt.instancePath)) return undefined;
  const options = Array.isArray(alt.schema) ? (alt.schema as { $ref?: string }[]) : [];
  for (let i = 0; i < options.length; i++) {
    const ref = options[i]?.$ref;
    if (e.schemaPath.startsWith(`${alt.schemaPath}/${i}/`) || (ref && e.schemaPath.startsWith(`${ref}/`)))
      return i;
  }
  return undefined;
}

function choose(alt: ErrorObject, plausible: ErrorObject[][]): ErrorObject[] {
  if (plausible.length === 1) return plausible[0]!;
  if (plausible.length === 0) return [alt];
  const unknownKeys = plausible.map((list) => list.find((e) => e.keyword === 'additionalProperties'));
  const firstKey = unknownKeys[0]?.params.additionalProperty;
  if (unknownKeys.every((e) => e !== undefined && e.params.additionalProperty === firstKey)) {
    const properties: Record<string, unknown> = {};
    for (const e of unknownKeys)
      Object.assign(properties, (e?.parentSchema as { properties?: object } | undefined)?.properties);
    return [{ ...unknownKeys[0]!, parentSchema: { properties } }];
  }
  const ranked = [...plausible].sort((a, b) => a.length - b.length || depth(b) - depth(a));
  const [best, second] = ranked;
  if (second && best!.length === second.length && depth(best!) === depth(second)) return [alt];
  return best!;
}

function isShapeMismatch(e: ErrorObject, alt: ErrorObject): boolean {
  if (e.instancePath !== alt.instancePath) return false;
  if (e.keyword === 'type' || e.keyword === 'not') return true;
  if (e.keyword !== 'const' && e.keyword !== 'enum') return false;
  // @note A wrong value of the right type (`conected`) is a typo in this branch; a value of
  // another type (an object where `beep` was allowed) means another branch was meant.
  const allowed = e.keyword === 'const' ? [e.params.allowedValue] : (e.params.allowedValues as unknown[]);
  return !allowed.some((v) => typeof v === typeof e.data && (v === null) === (e.data === null));
}

function within(path: string, parent: string): boolean {
  return path === parent || path.startsWith(`${parent}/`);
}

function depth(list: ErrorObject[]): number {
  return Math.max(...list.map((e) => e.instancePath.split('/').length));
}
