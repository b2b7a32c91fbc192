import 'server-only';
import { errors, jwtVerify, SignJWT } from 'jose';
import { deriveKey } from '@/lib/keys';

/** Lifetime of an API access token (the contract allows at most 30 days). */
export const ACCESS_TOKEN_TTL_SECONDS = 7 * 24 * 60 * 60;

/** Lifetime of a browser sign-in: next-auth's session cookie, and its session row. */
export const BROWSER_SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;

/** What a valid token or session cookie proves: a user, and the session (row) it belongs to. */
export interface TokenClaims {
  userId: string;
  sessionId: string;
}

export const ISSUER = 'todo';
export const AUDIENCE = 'todo-api';

export function signingKey(): Uint8Array {
  return deriveKey('todo api access token v1');
}

// jose imports a raw key into WebCrypto on every sign and verify: about half the CPU of a token
// check, so the key is imported once.
let hmacKey: Promise<CryptoKey> | undefined;
function tokenKey(): Promise<CryptoKey> {
  hmacKey ??= crypto.subtle.importKey('raw', new Uint8Array(signingKey()), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  return hmacKey;
}

/** A token of the session `sessionId` (see lib/auth/sessions.ts); it lives as long as that row. */
export async function issueAccessToken({ userId, sessionId }: TokenClaims): Promise<{ token: string; expiresIn: number }> {
  const token = await new SignJWT({ sid: sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
    .sign(await tokenKey());
  return { token, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
}

/**
 * True when every dot-separated part of a JWS or JWE is base64url exactly as an encoder writes
 * it. The decoder ignores the unused low bits of the last character, so without this check a
 * token with its last character changed (to one of 3 neighbours) would still verify.
 */
export function isCanonicalCompactToken(token: string): boolean {
  return token.split('.').every((part) => Buffer.from(part, 'base64url').toString('base64url') === part);
}

// Checking a token's signature is a WebCrypto job on every API request (about 4% of a create's
// server CPU, measured with npm run bench). A token is the same string with the same claims until
// it expires, so each process remembers the ones it has verified, until their `exp`, and forgets
// the oldest beyond VERIFIED_MAX. Revocation is not a question of the signature: every statement
// checks the session row (lib/auth/scope.ts), cached token or not.
const VERIFIED_MAX = 10_000;
const verified = new Map<string, { claims: TokenClaims; expiresAtMs: number }>();

function remember(token: string, claims: TokenClaims, exp: number): void {
  if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
  verified.set(token, { claims, expiresAtMs: exp * 1000 });
}

/** The user and session a valid token was issued to; null for anything tampered, expired, or not ours. */
export async function verifyAccessToken(token: string): Promise<TokenClaims | null> {
  const known = verified.get(token);
  if (known && known.expiresAtMs > Date.now()) return known.claims;
  if (known) verified.delete(token);
  if (!isCanonicalCompactToken(token)) return null;
  try {
    // Pinning the algorithm rejects `alg: none` and any algorithm confusion.
    const { payload } = await jwtVerify(token, await tokenKey(), { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || typeof payload.exp !== 'number') return null;
    const claims = { userId: payload.sub, sessionId: payload.sid };
    remember(token, claims, payload.exp);
    return claims;
  } catch (err) {
    if (err instanceof errors.JOSEError) return null;
    throw err;
  }
}
