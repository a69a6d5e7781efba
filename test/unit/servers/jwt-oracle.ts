import { createRequire } from 'node:module';

/** jsonwebtoken (twilio's own JWT dependency) has no bundled types; this is the slice tests use. */
interface JsonWebToken {
  verify(
    token: string,
    secret: string,
    options: { algorithms: string[]; clockTimestamp?: number; complete: true },
  ): {
    header: Record<string, unknown>;
    payload: Record<string, unknown>;
  };
}

export const jsonwebtoken = createRequire(import.meta.url)('jsonwebtoken') as JsonWebToken;

/** Verifies signature and expiry (at `nowSec`) and returns header + claims. */
export function verifyJwt(token: string, secret: string, nowSec?: number) {
  return jsonwebtoken.verify(token, secret, {
    algorithms: ['HS256'],
    complete: true,
    ...(nowSec === undefined ? {} : { clockTimestamp: nowSec }),
  });
}
