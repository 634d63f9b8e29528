import { fail } from '@/lib/actions/result';
import { recordDenied, recordExport } from '@/lib/audit/reads';
import { currentActor } from '@/lib/auth/guard';
import { csvResponse } from '@/lib/http/csv';
import { failureResponse } from '@/lib/http/failure-response';
import { patientLogsCsv } from '@/lib/roster/exports';
import { idParam } from '@/lib/validation/params';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ patientId: string }> }) {
  const actor = await currentActor();
  if (!actor || actor.mustChangePassword) return failureResponse(fail('refused', 'Sign in first.'), { as: 'text' });
  const id = idParam((await params).patientId);
  const result = id ? await patientLogsCsv(actor, id) : null;
  if (!result) {
    await recordDenied(actor.clinicId, actor.userId, 'not_in_clinic', 'patient', id);
    return failureResponse(fail('not_found', 'Not found.'), { as: 'text' });
  }
  await recordExport(actor, 'patient_logs', id!);
  return csvResponse(`sessions-${result.name.toLowerCase().replace(/\s+/g, '-')}.csv`, result.csv);
}
