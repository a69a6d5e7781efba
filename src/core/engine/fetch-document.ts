/**
 * Fetching the next document: the loop guard, the request/response events, §2.1
 * classification, parse diagnostics, and the failure ladder of §5.4 (fallback URL, then the
 * apology and hang-up).
 */
import type { CallrigCode } from '../errors/callrig-codes.ts';
import type { Diagnostic } from '../errors/diagnostic.ts';
import type { HttpMethod, Verb } from '../twiml/ast.ts';
import type { DocState } from './call-state.ts';
import { type Classified, classify, classifyInline } from './classify.ts';
import { type Params, sortParams, standardParams, stripFragment } from './params.ts';
import type { WebhookKind } from './ports.ts';
import { advance, callPort, emit, emitError, endCall, type Run } from './run.ts';

/** Kinds whose answer becomes the current document. */
type DocumentKind = Extract<WebhookKind, 'voice' | 'action' | 'redirect' | 'fallback'>;

/**
 * Requests a TwiML document and makes it current; on a fatal error runs the failure ladder.
 * Ends the call with CALLRIG_LOOP_LIMIT once `engine.maxDocumentsPerCall` is used up.
 */
export async function requestDocument(
  run: Run,
  kind: DocumentKind,
  url: string,
  method: HttpMethod,
  params: Params,
): Promise<void> {
  const s = run.state;
  if (s.documents >= s.options.engine.maxDocumentsPerCall) {
    emitError(
      run,
      'CALLRIG_LOOP_LIMIT',
      `[callrig] The call fetched ${s.documents} documents (engine.maxDocumentsPerCall); the next request to ${url} ` +
        'was not sent. A Redirect or default action probably loops: give Record/Gather an action.',
      { url },
    );
    await endCall(run, 'completed', 'engine', 'loop-limit');
    return;
  }
  s.documents++;
  sortParams(params);
  emit(run, { type: 'webhook.requested', kind, method, url, params });
  const res = await callPort(run, kind, method, url, params);
  await advance(run, res.elapsedMs, false);
  emit(run, {
    type: 'webhook.responded',
    kind,
    url,
    status: res.ok ? res.status : null,
    contentType: res.ok ? res.contentType : null,
    bodyBytes: res.ok ? res.bodyBytes : 0,
    elapsedMs: res.elapsedMs,
    ...(res.ok ? {} : { code: res.code }),
  });
  await useDocument(run, classify(res, run.cache), url, kind);
}

/** Makes inline TwiML (REST `Twiml`, or a `twiml` control input) the current document. */
export async function useInline(run: Run, twiml: string): Promise<void> {
  await useDocument(run, classifyInline(twiml, run.cache), null, 'voice');
}

async function useDocument(run: Run, c: Classified, url: string | null, kind: DocumentKind): Promise<void> {
  const where = url === null ? {} : { url };
  switch (c.kind) {
    case 'twiml': {
      emitDiagnostics(run, c.diagnostics, url);
      if (run.state.options.twiml.onSchemaWarning === 'stop' && c.diagnostics.some((d) => d.code === 12200)) {
        return fail(
          run,
          12200,
          'Schema validation warning, and twiml.onSchemaWarning is "stop"',
          where,
          kind,
          true,
        );
      }
      run.state.doc = { url, verbs: c.document.verbs, next: 0 };
      return;
    }
    case 'audio':
      run.state.doc = synthetic('audio', [
        { verb: 'Play', url: url ?? '', loop: 1, pos: NO_POS, path: 'callrig:audio-response/Play[1]' },
        HANGUP('audio-response'),
      ]);
      return;
    case 'text':
      run.state.doc = synthetic(
        'text',
        c.text === ''
          ? [HANGUP('text-response')]
          : [
              {
                verb: 'Say',
                text: c.text,
                voice: 'man',
                language: 'en-US',
                loop: 1,
                pos: NO_POS,
                path: 'callrig:text-response/Say[1]',
              },
              HANGUP('text-response'),
            ],
      );
      return;
    case 'fatal':
      emitDiagnostics(run, c.diagnostics, url);
      return fail(run, c.code, c.message, where, kind, c.diagnostics.length > 0);
  }
}

/**
 * The failure ladder (§5.4): log, then the fallback URL (whose TwiML continues the call), else
 * the apology and hang-up. SDK calls also report 31005, which is what the phone sees.
 */
export async function fail(
  run: Run,
  code: number | CallrigCode,
  message: string,
  where: { url?: string; line?: number; column?: number; path?: string },
  kind: WebhookKind | 'verb',
  alreadyReported = false,
): Promise<void> {
  const s = run.state;
  if (!alreadyReported) emitError(run, code, message, where);
  s.activity = null;
  const fb = s.call.fallbackUrl;
  if (fb !== undefined && kind !== 'fallback') {
    const p = standardParams(
      s,
      s.answeredAt === null && s.call.direction === 'inbound' ? 'ringing' : 'in-progress',
    );
    p.push(
      ['ErrorCode', String(code)],
      ['ErrorUrl', where.url === undefined ? '' : stripFragment(where.url)],
    );
    return requestDocument(run, 'fallback', fb, s.call.fallbackMethod, p);
  }
  if (s.call.sdkCall)
    emitError(run, 31005, 'Connection error: the Voice SDK call dropped after an application error', where);
  s.appError = true;
  const a = s.options.errors;
  s.doc = synthetic(
    'apology',
    a.announcement === ''
      ? [HANGUP('apology')]
      : [
          {
            verb: 'Say',
            text: a.announcement,
            voice: a.announcementVoice,
            language: 'en-US',
            loop: 1,
            pos: NO_POS,
            path: 'callrig:apology/Say[1]',
          },
          HANGUP('apology'),
        ],
  );
}

/** Reports parse diagnostics as timeline errors/warnings, with the document URL. */
export function emitDiagnostics(
  run: Run,
  diagnostics: Diagnostic[],
  url: string | null,
  asWarnings = false,
): void {
  for (const d of diagnostics) {
    const where: { url?: string; line?: number; column?: number; path?: string } = {};
    if (url !== null) where.url = url;
    if (d.line > 0) {
      where.line = d.line;
      where.column = d.column;
    }
    if (d.path !== undefined) where.path = d.path;
    emitError(run, d.code, d.message, where, asWarnings ? 'warning' : d.severity);
  }
}

const NO_POS = { line: 0, column: 0 };
const HANGUP = (name: string): Verb => ({ verb: 'Hangup', pos: NO_POS, path: `callrig:${name}/Hangup[1]` });

function synthetic(kind: NonNullable<DocState['synthetic']>, verbs: Verb[]): DocState {
  return { url: null, verbs, next: 0, synthetic: kind };
}
