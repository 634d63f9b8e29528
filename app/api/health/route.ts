import { databaseIsReachable } from '@/lib/health';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

/** Readiness for load balancers and Playwright: 200 only after a real database query. */
export async function GET() {
  if (await databaseIsReachable()) {
    return Response.json({ status: 'ok', database: 'ok' }, { headers: noStore });
  }
  return Response.json({ status: 'unavailable', database: 'unreachable' }, { status: 503, headers: noStore });
}
