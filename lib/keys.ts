import 'server-only';
import { hkdfSync } from 'node:crypto';
import { authSecret } from '@/lib/env';

// One secret (AUTH_SECRET), one key per purpose: HKDF with the purpose as `info`, so that a key
// made for list cursors can never sign an access token. Derived once per process and purpose,
// not on every request.
const derived = new Map<string, Uint8Array>();

/** A 32-byte key for one purpose (`info`, e.g. 'todo list cursor v1'), derived from AUTH_SECRET. */
export function deriveKey(info: string): Uint8Array {
  let key = derived.get(info);
  if (!key) {
    key = new Uint8Array(hkdfSync('sha256', authSecret(), '', info, 32));
    derived.set(info, key);
  }
  return key;
}
