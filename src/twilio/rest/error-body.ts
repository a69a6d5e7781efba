import { describeCode, moreInfoUrl } from '../../core/index.ts';

/** Twilio's REST error JSON (twilio-voice.md §9.1): `code`, `message`, `more_info`, `status`. */
export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
  detail?: string;
}

/**
 * A REST failure with Twilio's code; the plugin's error handler renders it.
 * @example throw new TwilioRestError(21205, 400, 'Url parameter is required.')
 */
export class TwilioRestError extends Error {
  constructor(
    readonly code: number,
    readonly status: number,
    message?: string,
    readonly detail?: string,
  ) {
    super(message ?? describeCode(code).summary);
    this.name = 'TwilioRestError';
  }

  /** The JSON body Twilio sends. */
  body(): TwilioErrorBody {
    // @note Key order as Twilio sends it (§9.1), so a byte comparison with a captured body holds.
    return {
      code: this.code,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      message: this.message,
      more_info: moreInfoUrl(this.code),
      status: this.status,
    };
  }
}

/** 401/20003 exactly as Twilio sends it. */
export const authError = (): TwilioRestError =>
  new TwilioRestError(20003, 401, 'Authenticate', 'Your AccountSid or AuthToken was incorrect.');

/** 404/20404 for an unknown resource or path. */
export const notFound = (path: string): TwilioRestError =>
  new TwilioRestError(20404, 404, `The requested resource ${path} was not found`);

/** 405/20004 for a known path with the wrong method. */
export const methodNotAllowed = (method: string): TwilioRestError =>
  new TwilioRestError(20004, 405, `Method not allowed: ${method}`);

/** 400 with a Twilio parameter code (21201, 21205, ...). */
export const badParam = (code: number, message: string): TwilioRestError =>
  new TwilioRestError(code, 400, message);
