'use server';

import { revalidatePath } from 'next/cache';
import { type ActionState, invalid } from '@/lib/actions/action-state';
import { actOnAlert, alertActionSchema } from '@/lib/alerts/alerts';
import { requirePractitioner } from '@/lib/auth/guard';

export async function alertAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requirePractitioner();
  const parsed = alertActionSchema.safeParse({ alertId: form.get('alertId'), action: form.get('action'), note: form.get('note') ?? undefined });
  if (!parsed.success) return invalid(parsed.error);
  const outcome = await actOnAlert(actor, parsed.data);
  if (!outcome.ok) return { status: 'error', message: outcome.message };
  revalidatePath('/alerts');
  revalidatePath('/dashboard');
  revalidatePath(`/patients/${outcome.patientId}`);
  return { status: 'ok', message: outcome.status === 'resolved' ? 'Alert resolved.' : outcome.status === 'acknowledged' ? 'Alert acknowledged.' : 'Alert reopened.' };
}
