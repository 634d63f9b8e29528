import { fail } from '@/lib/actions/result';
import { currentActor } from '@/lib/auth/guard';
import { csvResponse } from '@/lib/http/csv';
import { failureResponse } from '@/lib/http/failure-response';
import { rosterCsv } from '@/lib/roster/exports';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor || actor.mustChangePassword) return failureResponse(fail('refused', 'Sign in first.'), { as: 'text' });
  const scope = new URL(request.url).searchParams.get('scope') === 'mine' ? 'mine' : 'clinic';
  return csvResponse(`roster-adherence-${new Date().toISOString().slice(0, 10)}.csv`, await rosterCsv(actor, scope));
}
