import { env } from '@/db/env';

/**
 * The caller's address for rate limiting. Next sets X-Forwarded-For from the socket when the
 * client sent none; behind a load balancer (TRUST_PROXY=true) the last hop it appended is the
 * client. Without a proxy a client can send its own header, so we still take the last entry,
 * which is the one closest to us; the per-account limit holds regardless.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const hops = forwarded
    ?.split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  const last = hops?.[hops.length - 1];
  if (last) return last;
  if (env().TRUST_PROXY) return headers.get('x-real-ip') ?? 'unknown';
  return 'unknown';
}
