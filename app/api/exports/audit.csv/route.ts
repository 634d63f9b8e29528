import { fail } from '@/lib/actions/result';
import { recordDenied, recordExport } from '@/lib/audit/reads';
import { auditTrailCsv } from '@/lib/audit/trail';
import { parseAuditQuery } from '@/lib/audit/trail-query';
import { currentActor } from '@/lib/auth/guard';
import { clinicOf } from '@/lib/clinic/clinic';
import { todayIn } from '@/lib/dates';
import { csvResponse } from '@/lib/http/csv';
import { failureResponse } from '@/lib/http/failure-response';

export const dynamic = 'force-dynamic';

/** The clinic's audit trail with the viewer's filters, as CSV. Admins only; the export itself is recorded. */
export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor || actor.mustChangePassword) return failureResponse(fail('refused', 'Sign in first.'), { as: 'text' });
  const { query, fieldErrors } = parseAuditQuery(Object.fromEntries(new URL(request.url).searchParams));
  if (Object.keys(fieldErrors).length)
    return failureResponse(fail('invalid', 'Those dates cannot be used.', fieldErrors), { as: 'text' });
  const csv = await auditTrailCsv(actor, query);
  if (!csv.ok) {
    if (csv.code === 'forbidden') await recordDenied(actor.clinicId, actor.userId, 'admin_only', 'export', null);
    return failureResponse(csv, { as: 'text' });
  }
  await recordExport(actor, 'audit');
  return csvResponse(`audit-trail-${todayIn((await clinicOf(actor)).timezone)}.csv`, csv.value);
}
