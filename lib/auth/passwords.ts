import 'server-only';
import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { HashingBusy } from '@/lib/auth/errors';

// argon2 runs on libuv's thread pool, which WebCrypto (every bearer-token check), dns.lookup
// and fs share. A flood of sign-ins would take every thread, and every other request would wait
// behind it (docs/abuse-design.md §5): at most HASHING_SLOTS hashes run at once per process,
// keeping two of the pool's threads free, and at most HASHING_QUEUE wait; past that, `503`.
const THREAD_POOL = Number(process.env.UV_THREADPOOL_SIZE) || 4;
export const HASHING_SLOTS = Math.max(1, Math.min(availableParallelism(), THREAD_POOL - 2));
export const HASHING_QUEUE = 32;

let running = 0;
const waiting: (() => void)[] = [];

/** Whether a hash asked for now would be refused: for answering before reading anything else. */
export function hashingSaturated(): boolean {
  return running >= HASHING_SLOTS && waiting.length >= HASHING_QUEUE;
}

async function gated<T>(work: () => Promise<T>): Promise<T> {
  if (running >= HASHING_SLOTS) {
    if (waiting.length >= HASHING_QUEUE) throw new HashingBusy();
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    return await work();
  } finally {
    // The slot passes straight to the next in line, so `running` never drops under it.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

// argon2id (the library's default algorithm) with its default cost: 19 MiB, 2 passes —
// OWASP's recommended minimum, ~30 ms here.
export function hashPassword(password: string): Promise<string> {
  return gated(() => hash(password));
}

// Verified against when the email is unknown, so that "no such user" costs the same time as
// "wrong password" and timing does not reveal who has an account.
let dummyHash: Promise<string> | undefined;

/** Checks a password against a stored hash, or against a dummy one when there is no user. */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hash('dummy password that never matches');
    const dummy = await dummyHash;
    await gated(() => verify(dummy, password).catch(() => false));
    return false;
  }
  return gated(() => verify(storedHash, password).catch(() => false));
}
