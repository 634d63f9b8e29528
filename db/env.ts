import { z } from 'zod';

/**
 * Every environment variable the app reads, parsed once. A bad value stops start-up with a
 * message that names the variable instead of failing later in some request. It lives in db/, the
 * lowest layer, because the database client reads it and db/ imports nothing from above.
 */
const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    PGLITE_DIR: z.string().min(1).default('.data/pglite'),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // The address patients reach the app at, for links and QR codes; defaults to the request's host.
    PUBLIC_URL: z.url({ error: 'must be a full URL such as https://rollcall.example.com' }).optional(),
    // How many proxies in front of the app append the client address to X-Forwarded-For
    // (`true` is one). Unset or `false`: none, and forwarding headers from clients are ignored.
    TRUST_PROXY: z
      .string()
      .default('false')
      .transform((v, ctx) => {
        if (v === 'true') return 1;
        if (v === 'false') return 0;
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 10) {
          ctx.addIssue({ code: 'custom', message: 'must be true, false or a number of proxies from 0 to 10' });
          return z.NEVER;
        }
        return n;
      }),
    // Server processes sharing the port (npm start / npm run serve), PostgreSQL only: the embedded
    // database may be opened by one process. Unset: one.
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  })
  .superRefine((value, ctx) => {
    if (!value.DATABASE_URL && value.WEB_CONCURRENCY !== undefined && value.WEB_CONCURRENCY > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEB_CONCURRENCY'],
        message: 'more than one server process needs DATABASE_URL (PostgreSQL); the embedded database allows one',
      });
    }
  });

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  override name = 'EnvError';
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Treat empty strings as unset: `DATABASE_URL=` in a shell means "none".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
