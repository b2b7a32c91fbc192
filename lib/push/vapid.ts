import 'server-only';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import webpush from 'web-push';
import { env } from '@/lib/env';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

const DEV_SUBJECT = 'mailto:push@localhost';

/** Where `npm run dev` keeps the pair it made: beside the embedded database's files. */
const devKeysFile = () => path.join(path.dirname(path.resolve(/*turbopackIgnore: true*/ env().PGLITE_DATA_DIR)), 'vapid.json');

// `next dev` marks its process and keeps its pair; Vitest's is made for the run. Nothing else makes keys.
const devServer = () => process.env.__NEXT_DEV_SERVER === '1';
const testRun = () => process.env.NODE_ENV === 'test' && Boolean(process.env.VITEST);

let cached: VapidKeys | null | undefined;
let saidOff = false;

/**
 * The server's VAPID keys: from VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT (all three
 * outside development); under `npm run dev` without them, a pair made once and kept in the local
 * data; else null (push is off, said once in the log).
 */
export function vapidKeys(): VapidKeys | null {
  if (cached !== undefined) return cached;
  const { VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT } = env();
  if (VAPID_PUBLIC_KEY && VAPID_PRIVATE_KEY && (VAPID_SUBJECT || devServer() || testRun())) {
    cached = { publicKey: VAPID_PUBLIC_KEY, privateKey: VAPID_PRIVATE_KEY, subject: VAPID_SUBJECT ?? DEV_SUBJECT };
  } else if (VAPID_PUBLIC_KEY && VAPID_PRIVATE_KEY) {
    // Push services ask who to contact about a sender's pushes: a server must say.
    cached = null;
    if (!saidOff) console.log('[push] VAPID_SUBJECT (mailto: or https:) is not set: Web Push is off');
    saidOff = true;
  } else if (devServer() || testRun()) {
    cached = { ...(devServer() ? devKeys() : webpush.generateVAPIDKeys()), subject: VAPID_SUBJECT ?? DEV_SUBJECT };
  } else {
    cached = null;
    if (!saidOff) console.log('[push] VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not set: Web Push is off (notifications stay in the app)');
    saidOff = true;
  }
  return cached;
}

function devKeys(): { publicKey: string; privateKey: string } {
  const file = devKeysFile();
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { publicKey?: unknown; privateKey?: unknown };
    if (typeof stored.publicKey === 'string' && typeof stored.privateKey === 'string') return { publicKey: stored.publicKey, privateKey: stored.privateKey };
  } catch {
    // none yet (or unreadable): make a pair
  }
  const keys = webpush.generateVAPIDKeys();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}
