/** PostgreSQL's unique_violation, whether thrown by pg, PGlite, or wrapped by drizzle. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const candidate = e as { code?: string; constraint?: string; message?: string };
    if (candidate.code === '23505')
      return !constraint || candidate.constraint === constraint || Boolean(candidate.message?.includes(constraint));
  }
  return false;
}
