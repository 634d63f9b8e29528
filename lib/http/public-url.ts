import { env } from '@/db/env';

/** Where patients open their links: PUBLIC_URL, else the host this request came in on. */
export function publicOrigin(headers: Headers): string {
  const configured = env().PUBLIC_URL;
  if (configured) return configured.replace(/\/$/, '');
  const host = headers.get('x-forwarded-host') ?? headers.get('host') ?? 'localhost:3000';
  const proto = headers.get('x-forwarded-proto') ?? 'http';
  return `${proto.split(',')[0]}://${host.split(',')[0]}`;
}
