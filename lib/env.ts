import 'server-only';
import { z } from 'zod';

const DEV_AUTH_SECRET = 'dev-only-secret-not-for-production-0123456789abcdef';

function isPostgresUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'postgres:' || protocol === 'postgresql:';
  } catch {
    return false;
  }
}

const schema = z
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
  })
  .transform((env, ctx) => {
    // A server driver without a server would only fail at the first query.
    const urlMissing = (env.DATABASE_DRIVER === 'pg' || env.DATABASE_DRIVER === 'neon') && !env.DATABASE_URL;
    if (urlMissing) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: `must be set when DATABASE_DRIVER is ${env.DATABASE_DRIVER}` });
    }
    let secret = env.AUTH_SECRET;
    if (!secret && env.NODE_ENV !== 'production') secret = DEV_AUTH_SECRET;
    if (!secret || secret.length < 32 || (env.NODE_ENV === 'production' && secret === DEV_AUTH_SECRET)) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message: 'must be set to a random string of at least 32 characters (openssl rand -base64 32)',
      });
      return z.NEVER;
    }
    if (urlMissing) return z.NEVER;
    return { ...env, AUTH_SECRET: secret };
  });

export type Env = z.output<typeof schema>;

/** Validates an environment. Throws one line naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
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
