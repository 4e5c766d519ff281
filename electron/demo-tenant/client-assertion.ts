// A client assertion (RFC 7523 private_key_jwt) checked as Entra ID checks one for
// the client_credentials grant: a JWT signed with a registered certificate's key,
// naming the app as issuer and subject and this token endpoint as audience.
import crypto from 'node:crypto';
import type { AppCertificate, AppCertificates } from './app-certificates';
import type { EntraErrorInit } from './entra-errors';

export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
export const MAX_ASSERTION_CHARS = 16 * 1024;
export const CLOCK_SKEW_SECONDS = 300;
export const SIGNING_ALGORITHMS = ['RS256', 'PS256'] as const;

const DOCS = 'Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .';
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface ClientAssertionInput {
  assertionType: string | null;
  assertion: string;
  clientId: string;
  certificates: AppCertificates;
  /** The token endpoint as requested: origin and path. */
  audience: string;
  /** Wall-clock milliseconds: the client signs with its own clock, not the demo's. */
  now?: number;
}

export type ClientAssertionResult = { ok: true; certificate: AppCertificate } | { ok: false; refusal: EntraErrorInit };

const malformed = (detail: string): ClientAssertionResult => ({ ok: false, refusal: { status: 400, error: 'invalid_request', code: 50027, message: `JWT token is invalid or malformed: ${detail}` } });
const invalidClient = (code: number, message: string): ClientAssertionResult => ({ ok: false, refusal: { status: 401, error: 'invalid_client', code, message } });

/** A base64url JSON object, or null for anything else (bad base64, bad UTF-8, bad JSON, not an object). */
function jsonPart(part: string): Record<string, unknown> | null {
  if (!BASE64URL.test(part)) return null;
  try {
    const value: unknown = JSON.parse(utf8.decode(Buffer.from(part, 'base64url')));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Entra's timestamps: seven fractional digits. */
const entraTime = (ms: number): string => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
const keyDate = (date: Date): string => date.toISOString().replace(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2}).*$/, '$2/$3/$1 $4');
const foundKey = (certificate: AppCertificate): string => `Found key 'Start=${keyDate(certificate.notBefore)}, End=${keyDate(certificate.notAfter)}'`;
const printable = (value: string): string => value.replace(/[^\x20-\x7e]/g, '?').slice(0, 100);

function thumbprintHex(value: string): string {
  return BASE64URL.test(value) ? Buffer.from(value, 'base64url').toString('hex').toUpperCase().slice(0, 128) : printable(value);
}

function verifySignature(alg: (typeof SIGNING_ALGORITHMS)[number], key: crypto.KeyObject, signingInput: string, signature: Buffer): boolean {
  try {
    const data = Buffer.from(signingInput, 'ascii');
    if (alg === 'RS256') return crypto.verify('sha256', data, { key, padding: crypto.constants.RSA_PKCS1_PADDING }, signature);
    return crypto.verify('sha256', data, { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: crypto.constants.RSA_PSS_SALTLEN_AUTO }, signature);
  } catch {
    return false;
  }
}

const isAlgorithm = (value: unknown): value is (typeof SIGNING_ALGORITHMS)[number] => (SIGNING_ALGORITHMS as readonly unknown[]).includes(value);
const isNumericDate = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export function verifyClientAssertion(input: ClientAssertionInput): ClientAssertionResult {
  const { assertionType, assertion, clientId, certificates, audience } = input;
  if (assertionType === null) return { ok: false, refusal: { status: 400, error: 'invalid_request', code: 900144, message: "The request body must contain the following parameter: 'client_assertion_type'." } };
  if (assertionType !== JWT_BEARER) return { ok: false, refusal: { status: 400, error: 'invalid_request', code: 90011, message: `Unexpected client assertion type '${printable(assertionType)}'; expected '${JWT_BEARER}'.` } };
  if (assertion.length > MAX_ASSERTION_CHARS) return malformed(`the client assertion is longer than ${MAX_ASSERTION_CHARS} characters.`);
  const parts = assertion.split('.');
  if (parts.length !== 3) return malformed('a client assertion is three base64url parts separated by dots.');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = jsonPart(headerPart);
  if (!header) return malformed('the header is not base64url-encoded JSON.');
  // Before the signature's shape: an unsigned token (alg none) has an empty one, and is refused for its algorithm.
  const alg = header.alg;
  if (!isAlgorithm(alg)) {
    return { ok: false, refusal: { status: 400, error: 'invalid_request', code: 5002730, message: `Invalid JWT token. Unsupported key for the signing algorithm '${printable(String(alg))}': a client assertion is signed with RS256 or PS256.` } };
  }
  const claims = jsonPart(payloadPart);
  if (!claims) return malformed('the payload is not base64url-encoded JSON.');
  if (!BASE64URL.test(signaturePart)) return malformed('the signature is not base64url.');

  const x5tS256 = header['x5t#S256'];
  const x5t = header.x5t;
  const named = typeof x5tS256 === 'string' ? { value: x5tS256, certificate: certificates.byX5tS256(x5tS256) } : typeof x5t === 'string' ? { value: x5t, certificate: certificates.byX5t(x5t) } : null;
  if (!named) return invalidClient(700027, "Client assertion failed signature validation. [Reason - The client assertion's header names no key: it has neither 'x5t#S256' nor 'x5t'.]");
  const { certificate } = named;
  if (!certificate) {
    return invalidClient(700027, `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${thumbprintHex(named.value)}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${clientId}'.]`);
  }
  const now = input.now ?? Date.now();
  if (now > certificate.notAfter.getTime() || now < certificate.notBefore.getTime()) {
    const reason = now > certificate.notAfter.getTime() ? 'The key used is expired.' : 'The key used is not yet valid.';
    return invalidClient(700027, `Client assertion contains an invalid signature. [Reason - ${reason}, Thumbprint of key used by client: '${certificate.thumbprintSha256}', ${foundKey(certificate)}]`);
  }
  if (!verifySignature(alg, certificate.publicKey, `${headerPart}.${payloadPart}`, Buffer.from(signaturePart, 'base64url'))) {
    return invalidClient(700027, `Client assertion contains an invalid signature. [Reason - The provided signature value did not match the expected signature value., Thumbprint of key used by client: '${certificate.thumbprintSha256}', ${foundKey(certificate)}]`);
  }

  const wanted = clientId.toLowerCase();
  if (typeof claims.iss !== 'string' || claims.iss.toLowerCase() !== wanted) return invalidClient(700021, `Client assertion application identifier doesn't match 'client_id' parameter. ${DOCS}`);
  if (typeof claims.sub !== 'string' || claims.sub.toLowerCase() !== wanted) return invalidClient(50048, 'Subject mismatches Issuer claim in the client assertion.');
  if (claims.aud !== audience) return invalidClient(700023, `Client assertion audience claim does not match Realm issuer. ${DOCS}`);
  if (!isNumericDate(claims.exp)) return malformed("the client assertion has no numeric 'exp' claim.");
  if (claims.nbf !== undefined && !isNumericDate(claims.nbf)) return malformed("the client assertion's 'nbf' claim is not a number.");
  const nowSeconds = now / 1000;
  const notBefore = isNumericDate(claims.nbf) ? claims.nbf : 0;
  if (claims.exp + CLOCK_SKEW_SECONDS <= nowSeconds || notBefore - CLOCK_SKEW_SECONDS > nowSeconds) {
    const at = (seconds: number): string => (Math.abs(seconds) < 8.64e12 ? entraTime(seconds * 1000) : String(seconds));
    return invalidClient(700024, `Client assertion is not within its valid time range. Current time: ${entraTime(now)}, assertion valid from ${at(notBefore)}, expiry time of assertion ${at(claims.exp)}. ${DOCS}`);
  }
  return { ok: true, certificate };
}
