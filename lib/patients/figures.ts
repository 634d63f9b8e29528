import 'server-only';
import { type FiguresRow, rosterFigures } from '@/lib/adherence/figures';
import type { Actor } from '@/lib/auth/guard';

/** One active patient's stored figures (the dashboard's), brought up to date; scoped to the caller's clinic. */
export async function figuresOfPatient(actor: Actor, patientId: string): Promise<FiguresRow | null> {
  const [row] = await rosterFigures(actor.clinicId, { patientIds: [patientId] });
  return row ?? null;
}
