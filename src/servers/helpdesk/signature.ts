import type { FastifyRequest } from 'fastify';
import twilio from 'twilio';
import type { HelpDeskConfig } from './config.ts';

/** Form parameters as @fastify/formbody gives them: repeated keys become arrays. */
export type FormParams = Record<string, string | string[]>;

/**
 * The base URL Twilio used to reach this app: the configured public URL, or scheme + Host.
 * @note Rebuilding from Host keeps a non-default port (`127.0.0.1:3000`), which
 * validateRequest never adds back by itself (fidelity §6.4).
 */
export function publicBase(config: HelpDeskConfig, request: FastifyRequest): string {
  if (config.publicBaseUrl !== undefined) return config.publicBaseUrl;
  return `${request.protocol}://${request.headers.host ?? `${request.hostname}`}`;
}

/** The form body of a POST, or {} for GET (its parameters are part of the signed URL). */
export function formParams(request: FastifyRequest): FormParams {
  const body = request.body;
  return body !== null && typeof body === 'object' ? (body as FormParams) : {};
}

/**
 * True when X-Twilio-Signature matches the auth token, this request's public URL
 * (base + path + query) and every form parameter received.
 */
export function hasValidSignature(config: HelpDeskConfig, request: FastifyRequest): boolean {
  const signature = request.headers['x-twilio-signature'];
  if (typeof signature !== 'string' || config.authToken === undefined) return false;
  const url = `${publicBase(config, request)}${request.url}`;
  return twilio.validateRequest(
    config.authToken,
    signature,
    url,
    request.method === 'GET' ? {} : formParams(request),
  );
}
