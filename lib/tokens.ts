import { hkdfSync } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { env } from '@/lib/env';

/** Lifetime of an API access token (the contract allows at most 30 days). */
export const ACCESS_TOKEN_TTL_SECONDS = 7 * 24 * 60 * 60;

const ISSUER = 'todo';
const AUDIENCE = 'todo-api';

// Derived once per process: key derivation on every request showed up in profiles.
let key: Uint8Array | undefined;
function signingKey(): Uint8Array {
  key ??= new Uint8Array(hkdfSync('sha256', env().AUTH_SECRET, '', 'todo api access token v1', 32));
  return key;
}

export async function issueAccessToken(userId: string): Promise<{ token: string; expiresIn: number }> {
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
    .sign(signingKey());
  return { token, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
}

/** The user id a valid token was issued to; null for anything tampered, expired, or not ours. */
export async function verifyAccessToken(token: string): Promise<string | null> {
  try {
    // Pinning the algorithm rejects `alg: none` and any algorithm confusion.
    const { payload } = await jwtVerify(token, signingKey(), { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
    return typeof payload.sub === 'string' ? payload.sub : null;
  } catch (err) {
    if (err instanceof errors.JOSEError) return null;
    throw err;
  }
}
