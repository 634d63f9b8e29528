import { healthReport } from '@/lib/health';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

/**
 * Readiness for load balancers and Playwright: 200 only when a real query answered, the database
 * takes writes and has exactly this build's migrations, and the server is not shutting down.
 */
export async function GET() {
  const report = await healthReport();
  return Response.json(report, { status: report.status === 'ok' ? 200 : 503, headers: noStore });
}
