import { generateKeyPairSync, type KeyObject, sign, X509Certificate } from 'node:crypto';

/**
 * A self-signed EC P-256 X.509 certificate minted in pure Node.
 *
 * @note node:crypto can verify and parse certificates but not create them, so this file writes the
 * few DER structures a TLS certificate needs by hand (about 100 lines) instead of pulling in
 * node-forge/selfsigned: the fake APNs needs one server certificate per start and, for
 * certificate-mode auth, one client certificate per provider, and nothing else from X.509.
 */
export interface GeneratedCertificate {
  certPem: string;
  keyPem: string;
  /** SHA-256 fingerprint in Node's `AA:BB:…` form (what `getPeerCertificate().fingerprint256` gives). */
  fingerprint256: string;
}

export interface CertificateOptions {
  commonName: string;
  /** DNS names for the subjectAltName extension. */
  dnsNames?: string[];
  /** IPv4 addresses for the subjectAltName extension. */
  ipAddresses?: string[];
  /** Validity start; certificates are judged by TLS on the wall clock, so callers pass wall time. */
  notBefore: Date;
  validDays: number;
  /** Serial number bytes (positive); derived from the caller's seeded ids for determinism. */
  serialHex: string;
}

/** Generates a fresh P-256 key and a self-signed certificate for it. */
export function generateSelfSignedCertificate(opts: CertificateOptions): GeneratedCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const certPem = certificateFor(privateKey, publicKey, opts);
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { certPem, keyPem, fingerprint256: new X509Certificate(certPem).fingerprint256 };
}

function certificateFor(privateKey: KeyObject, publicKey: KeyObject, opts: CertificateOptions): string {
  const ecdsaWithSha256 = seq(oid([1, 2, 840, 10045, 4, 3, 2]));
  const name = seq(set(seq(oid([2, 5, 4, 3]), tlv(0x0c, Buffer.from(opts.commonName, 'utf8')))));
  const notAfter = new Date(opts.notBefore.getTime() + opts.validDays * 86_400_000);
  const sanEntries = [
    ...(opts.dnsNames ?? []).map((d) => tlv(0x82, Buffer.from(d, 'ascii'))),
    ...(opts.ipAddresses ?? []).map((ip) => tlv(0x87, Buffer.from(ip.split('.').map(Number)))),
  ];
  const extensions: Buffer[] = [
    // basicConstraints CA:TRUE (critical) so clients may use this very certificate as their `ca`.
    seq(oid([2, 5, 29, 19]), tlv(0x01, Buffer.from([0xff])), octets(seq(tlv(0x01, Buffer.from([0xff]))))),
  ];
  if (sanEntries.length > 0) extensions.push(seq(oid([2, 5, 29, 17]), octets(seq(...sanEntries))));
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const tbs = seq(
    tlv(0xa0, integer(Buffer.from([2]))),
    integer(Buffer.from(opts.serialHex, 'hex')),
    ecdsaWithSha256,
    name,
    seq(utcTime(opts.notBefore), utcTime(notAfter)),
    name,
    spki,
    tlv(0xa3, seq(...extensions)),
  );
  const signature = sign('sha256', tbs, privateKey);
  const der = seq(tbs, ecdsaWithSha256, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN CERTIFICATE-----\n${b64.trimEnd()}\n-----END CERTIFICATE-----\n`;
}

function tlv(tag: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
}

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

const seq = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items));
const octets = (body: Buffer): Buffer => tlv(0x04, body);

function integer(raw: Buffer): Buffer {
  let body = raw.length === 0 ? Buffer.from([0]) : raw;
  // @note DER integers are signed: a leading high bit would make the serial negative.
  if ((body[0] ?? 0) & 0x80) body = Buffer.concat([Buffer.from([0]), body]);
  return tlv(0x02, body);
}

function oid(parts: number[]): Buffer {
  const [a = 0, b = 0, ...rest] = parts;
  const bytes: number[] = [a * 40 + b];
  for (const part of rest) {
    const chunk: number[] = [part & 0x7f];
    for (let v = part >>> 7; v > 0; v >>>= 7) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function utcTime(d: Date): Buffer {
  const p = (n: number): string => String(n).padStart(2, '0');
  const s = `${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  return tlv(0x17, Buffer.from(s, 'ascii'));
}
