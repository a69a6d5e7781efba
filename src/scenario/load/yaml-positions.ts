import { type Document, isMap, isPair, isScalar, type LineCounter, type Node } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

/**
 * Where a path points in the YAML source. With `key`, the position of that key inside the
 * mapping at `path` (for "unknown key" errors, the user wants to see the key, not the map).
 * @note Falls back to the nearest ancestor that has a node (aliases and merged keys have no
 * source range of their own), and to 1:1 for an empty document.
 */
export function positionOf(
  doc: Document,
  lines: LineCounter,
  path: readonly (string | number)[],
  key?: string,
): Position {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as Node | undefined;
    if (!node || typeof node !== 'object' || !('range' in node) || !node.range) continue;
    if (key !== undefined && depth === path.length && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
      const keyNode = pair?.key as Node | undefined;
      if (keyNode?.range) return at(lines, keyNode.range[0]);
    }
    return at(lines, node.range[0]);
  }
  const root = doc.contents as Node | null;
  return root?.range ? at(lines, root.range[0]) : { line: 1, column: 1 };
}

function at(lines: LineCounter, offset: number): Position {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/** `steps[2].call.caller[1]` for `['steps', 2, 'call', 'caller', 1]`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
