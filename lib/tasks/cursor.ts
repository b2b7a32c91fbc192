import 'server-only';
import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { deriveKey } from '@/lib/keys';

// List cursors are opaque to clients: base64url JSON plus an HMAC, so a cursor that was
// edited, truncated or made up is refused instead of silently starting somewhere else.

// A KeyObject, made once: an HMAC given raw key bytes imports them anew on every call (~5x the cost).
let key: KeyObject | undefined;

function mac(payload: string): Buffer {
  key ??= createSecretKey(deriveKey('todo list cursor v1'));
  return createHmac('sha256', key).update(payload).digest().subarray(0, 16);
}

export function encodeCursor(value: unknown): string {
  const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${payload}.${mac(payload).toString('base64url')}`;
}

/** The value a cursor was made from, or `undefined` when it is not one of ours. */
export function decodeCursor(cursor: string): unknown {
  const [payload, signature, extra] = cursor.split('.');
  if (!payload || !signature || extra !== undefined) return undefined;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
