import { currentActor } from '@/lib/auth/guard';
import { csvResponse } from '@/lib/http/csv';
import { patientLogsCsv } from '@/lib/roster/exports';
import { idParam } from '@/lib/validation/params';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ patientId: string }> }) {
  const actor = await currentActor();
  if (!actor || actor.mustChangePassword) return new Response('Sign in first.', { status: 401 });
  const id = idParam((await params).patientId);
  const result = id ? await patientLogsCsv(actor, id) : null;
  if (!result) return new Response('Not found.', { status: 404 });
  return csvResponse(`sessions-${result.name.toLowerCase().replace(/\s+/g, '-')}.csv`, result.csv);
}
