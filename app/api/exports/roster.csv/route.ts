import { fail } from '@/lib/actions/result';
import { recordExport } from '@/lib/audit/reads';
import { currentActor } from '@/lib/auth/guard';
import { clinicOf } from '@/lib/clinic/clinic';
import { todayIn } from '@/lib/dates';
import { csvResponse } from '@/lib/http/csv';
import { failureResponse } from '@/lib/http/failure-response';
import { rosterCsv } from '@/lib/roster/exports';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor || actor.mustChangePassword) return failureResponse(fail('refused', 'Sign in first.'), { as: 'text' });
  const scope = new URL(request.url).searchParams.get('scope') === 'mine' ? 'mine' : 'clinic';
  const csv = await rosterCsv(actor, scope);
  await recordExport(actor, 'roster');
  // Named by the clinic's day: an export is a staff event.
  return csvResponse(`roster-adherence-${todayIn((await clinicOf(actor)).timezone)}.csv`, csv);
}
