import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

/** A fresh P-256 `.p8`-style key pair for provider-token tests. */
export function p8Key(): { privateKey: KeyObject; publicKey: KeyObject; privatePem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    privateKey,
    publicKey,
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** Signs an APNs provider JWT by hand (what node-apn never produces: stale iat, wrong kid, ...). */
export function providerJwt(key: KeyObject, kid: string, iss: string, iatSeconds: number): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const data = `${b64({ alg: 'ES256', kid })}.${b64({ iss, iat: iatSeconds })}`;
  return `${data}.${sign('sha256', Buffer.from(data), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
}
