/**
 * The diagnostic sink shared by the verb builders while one document is read.
 */
import type { Diagnostic } from '../errors/diagnostic.ts';
import { describeCode } from '../errors/twilio-codes.ts';
import type { SourcePos } from './ast.ts';

export interface BuildContext {
  readonly file: string | undefined;
  /** True for a `<Number url>`/`<Client url>` whisper document (fidelity §2.3). */
  readonly whisper: boolean;
  readonly diagnostics: Diagnostic[];
  /** What an empty `<Redirect/>` means (see verbs/redirect.ts). */
  readonly emptyRedirect: 'error' | 'current-document';
}

export function createContext(
  file: string | undefined,
  whisper: boolean,
  emptyRedirect: 'error' | 'current-document' = 'error',
): BuildContext {
  return { file, whisper, diagnostics: [], emptyRedirect };
}

/** Records one diagnostic; severity always comes from the catalogue. */
export function report(
  ctx: BuildContext,
  code: number,
  message: string,
  pos: SourcePos,
  path?: string,
): void {
  const d: Diagnostic = {
    code,
    severity: describeCode(code).severity,
    message,
    line: pos.line,
    column: pos.column,
  };
  if (path !== undefined) d.path = path;
  if (ctx.file !== undefined) d.file = ctx.file;
  ctx.diagnostics.push(d);
}
