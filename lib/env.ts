import 'server-only';
import { z } from 'zod';

export const DEV_AUTH_SECRET = 'dev-only-secret-not-for-production-0123456789abcdef';

const SECRET_HINT = 'must be set to a random string of at least 32 characters (openssl rand -base64 32)';

/**
 * The published development secret is for `next dev` (which marks its server process with
 * `__NEXT_DEV_SERVER`) and the tests (Vitest) only: `npm start`, `next start` and every script
 * refuse it, whatever NODE_ENV says.
 */
function devSecretAllowed(source: Record<string, string | undefined>): boolean {
  return source.__NEXT_DEV_SERVER === '1' || (source.NODE_ENV === 'test' && Boolean(source.VITEST));
}

/** A per-address limit: a whole number, 0 turning it off. */
const limit = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

function isPostgresUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'postgres:' || protocol === 'postgresql:';
  } catch {
    return false;
  }
}

const schemaFor = (source: Record<string, string | undefined>) => z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .refine((v) => v === undefined || isPostgresUrl(v), 'must be a postgres:// or postgresql:// URL'),
    DATABASE_DRIVER: z.enum(['pglite', 'pg', 'neon']).optional(),
    PGLITE_DATA_DIR: z.string().min(1).default('.data/pglite'),
    NEON_WS_PROXY: z.string().min(1).optional(),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(20),
    AUTH_SECRET: z.string().optional(),
    SIGNUP_LIMIT_PER_HOUR: limit(10),
    FAILED_SIGNIN_LIMIT_PER_15_MIN: limit(100),
    // Vercel Cron sends it as `Authorization: Bearer …`; unset, the cron route answers 404.
    CRON_SECRET: z.string().min(16).optional(),
    // Invitation emails go through this server (smtp:// or smtps://, nodemailer); unset, an
    // invitation is in the app only (and `npm run dev` prints its link).
    SMTP_URL: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .refine((v) => v === undefined || /^smtps?:\/\//.test(v), 'must be an smtp:// or smtps:// URL'),
    MAIL_FROM: z.string().min(3).default('Todo <no-reply@localhost>'),
    // Where links in emails point: the app's public origin.
    APP_URL: z.url().optional(),
    // Web Push (lib/push): VAPID keys as `npx web-push generate-vapid-keys` prints them, and a
    // mailto: or https: contact. Unset, `npm run dev` makes a pair and keeps it beside the
    // embedded database; a production server runs with push off.
    VAPID_PUBLIC_KEY: z.string().trim().min(1).optional(),
    VAPID_PRIVATE_KEY: z.string().trim().min(1).optional(),
    VAPID_SUBJECT: z
      .string()
      .trim()
      .refine((v) => /^(mailto:|https:\/\/)/.test(v), 'must be a mailto: or https:// URL')
      .optional(),
    // Tests and development only: push endpoints may be http:// and on loopback or private addresses.
    PUSH_ALLOW_PRIVATE_ENDPOINTS: z.enum(['0', '1']).default('0'),
    // Tests and development only: webhook URLs may be http:// and on loopback or private addresses.
    WEBHOOK_ALLOW_PRIVATE_URLS: z.enum(['0', '1']).default('0'),
  })
  .transform((env, ctx) => {
    // A server driver without a server would only fail at the first query.
    const urlMissing = (env.DATABASE_DRIVER === 'pg' || env.DATABASE_DRIVER === 'neon') && !env.DATABASE_URL;
    if (urlMissing) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: `must be set when DATABASE_DRIVER is ${env.DATABASE_DRIVER}` });
    }
    // A secret that is set must be good; an unset one is refused only when something signs
    // (`authSecret()`), so that migrations and the seed run without one.
    const secret = env.AUTH_SECRET;
    if (secret !== undefined && (secret.length < 32 || (secret === DEV_AUTH_SECRET && !devSecretAllowed(source)))) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: SECRET_HINT });
      return z.NEVER;
    }
    if (urlMissing) return z.NEVER;
    return { ...env, AUTH_SECRET: secret ?? (devSecretAllowed(source) ? DEV_AUTH_SECRET : undefined) };
  });

export type Env = z.output<ReturnType<typeof schemaFor>>;

/** Validates an environment. Throws one line naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schemaFor(source).safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

/** The validated environment, read once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The secret that signs sessions, tokens and cursors; throws when there is none to use. */
export function authSecret(): string {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error(`Invalid environment: AUTH_SECRET ${SECRET_HINT}`);
  return secret;
}
