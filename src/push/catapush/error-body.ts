/**
 * Catapush's resource-API error body. Catapush does not publish its error shape, so this is
 * callrig's own small JSON (catapush-apns.md §1.7, tagged [rig]).
 */
export interface FieldError {
  field: string;
  message: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
};

/** An error a route throws; the plugin's error handler renders it. */
export class CatapushHttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    /** Raw body instead of the resource shape (OAuth errors follow RFC 6749 §5.2). */
    readonly rawBody?: Record<string, unknown>,
  ) {
    super(detail);
  }
}

export function catapushErrorBody(status: number, detail: string, errors: FieldError[] = []) {
  return { status, title: TITLES[status] ?? 'Error', detail, errors };
}

/** SDK-side failure of the device API, carrying Catapush's real SDK code (§1.12). */
export class CatapushSdkError extends Error {
  constructor(
    readonly status: number,
    readonly sdkCode: number,
    message: string,
  ) {
    super(message);
  }
}
