import { fail } from '@/lib/actions/result';
import { recordDenied, recordExport } from '@/lib/audit/reads';
import { currentActor } from '@/lib/auth/guard';
import { clinicOf } from '@/lib/clinic/clinic';
import { todayIn } from '@/lib/dates';
import { providersCsv } from '@/lib/directory/provider-csv';
import { csvResponse } from '@/lib/http/csv';
import { failureResponse } from '@/lib/http/failure-response';

export const dynamic = 'force-dynamic';

/** The clinic's referral directory, in the columns the import takes. Admins only. */
export async function GET() {
  const actor = await currentActor();
  if (!actor || actor.mustChangePassword) return failureResponse(fail('refused', 'Sign in first.'), { as: 'text' });
  const csv = await providersCsv(actor);
  if (!csv.ok) {
    if (csv.code === 'forbidden') await recordDenied(actor.clinicId, actor.userId, 'admin_only', 'export', null);
    return failureResponse(csv, { as: 'text' });
  }
  await recordExport(actor, 'directory');
  return csvResponse(`referral-directory-${todayIn((await clinicOf(actor)).timezone)}.csv`, csv.value);
}
