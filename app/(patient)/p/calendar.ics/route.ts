import { fail } from '@/lib/actions/result';
import { failureResponse } from '@/lib/http/failure-response';
import { reminderCalendar, reminderTimesSchema } from '@/lib/patient-portal/calendar';
import { PATIENT_HEADERS } from '@/lib/patient-portal/headers';
import { patientToday } from '@/lib/patient-portal/today';
import { currentPatient } from '@/lib/patient-portal/session';

export const dynamic = 'force-dynamic';

/** Reminders for the prescribed sessions at the times the patient chose, as a calendar file. */
export async function GET(request: Request) {
  const access = await currentPatient();
  if (!access)
    return failureResponse(fail('refused', 'This link is no longer active.'), { as: 'text', headers: PATIENT_HEADERS });
  // An empty field is "no time"; anything else that is not a time of day is refused in words.
  const parsed = reminderTimesSchema.safeParse(new URL(request.url).searchParams.getAll('time').filter(Boolean));
  if (!parsed.success) {
    const reason = parsed.error.issues[0]?.message ?? '';
    return failureResponse(fail('invalid', `Those reminder times could not be read. ${reason}`.trim()), {
      as: 'text',
      headers: PATIENT_HEADERS,
    });
  }
  const view = await patientToday(access);
  if (view.exercises.length === 0)
    return failureResponse(fail('not_found', 'You have no exercises to be reminded of at the moment.'), {
      as: 'text',
      headers: PATIENT_HEADERS,
    });
  const ics = reminderCalendar({ ...view, patientId: access.patientId, timezone: access.timezone }, parsed.data);
  return new Response(ics, {
    headers: {
      ...PATIENT_HEADERS,
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'attachment; filename="exercise-reminders.ics"',
    },
  });
}
