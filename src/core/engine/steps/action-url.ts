/**
 * Where a Record/Gather/Dial action goes (fidelity §2.4 items 3, 5, 6): the `action` resolved
 * against the current document URL, or that URL itself. Inline TwiML has no URL, so a
 * relative action is 15004 and a missing one 11100.
 */
import { resolveUrl } from '../params.ts';
import type { Run } from '../run.ts';

export type ActionTarget = { url: string } | { error: number; message: string };

export function actionUrl(run: Run, action: string | undefined): ActionTarget {
  const base = run.state.doc?.url ?? null;
  if (action === undefined) {
    if (base === null) {
      return {
        error: 11100,
        message: 'Invalid URL format: no action URL, and inline TwiML has no document URL to default to',
      };
    }
    return { url: base };
  }
  const url = resolveUrl(action, base);
  if (url !== null) return { url };
  if (base === null) {
    return {
      error: 15004,
      message: `Action URL '${action}' must be absolute: inline TwiML has no document URL`,
    };
  }
  return { error: 11100, message: `Invalid URL format: action '${action}'` };
}
