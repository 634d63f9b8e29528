/**
 * The caller's address, for rate limits and the audit trail.
 *
 * A client can send any X-Forwarded-For it likes, so the header means nothing unless a proxy we
 * trust wrote it. The production server (scripts/server.ts) therefore settles the address from
 * the TCP connection before Next sees the request: with no trusted proxy (TRUST_PROXY unset) it
 * is the socket's peer and every incoming forwarding header is dropped; with N trusted proxies it
 * is the hop N places from the end of the chain "X-Forwarded-For, peer" — the address the
 * outermost trusted proxy saw. It then hands Next exactly that one address in X-Forwarded-For.
 */
export function addressFromHops(peer: string | undefined, forwardedFor: string | undefined, trustedProxies: number) {
  const chain = [...(trustedProxies > 0 ? (forwardedFor ?? '').split(',') : []), peer ?? '']
    .map((hop) => hop.trim())
    .filter(Boolean)
    .map(plainAddress);
  if (chain.length === 0) return 'unknown';
  return chain[Math.max(0, chain.length - 1 - trustedProxies)]!;
}

/** `::ffff:127.0.0.1` (an IPv4 client on a dual-stack socket) is 127.0.0.1. */
function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/**
 * The address the production server settled (above), as every page, action and route handler
 * reads it. Under `next dev` Next fills the header from the socket when the client sent none.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const hops = forwarded
    ?.split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  return hops?.[hops.length - 1] ?? 'unknown';
}
