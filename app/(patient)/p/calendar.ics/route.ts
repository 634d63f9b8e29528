import ical, { ICalAlarmType, ICalEventRepeatingFreq, ICalWeekday } from 'ical-generator';
import { z } from 'zod';
import { fail } from '@/lib/actions/result';
import { failureResponse } from '@/lib/http/failure-response';
import { PATIENT_HEADERS } from '@/lib/patient-portal/headers';
import { patientToday } from '@/lib/patient-portal/today';
import { currentPatient } from '@/lib/patient-portal/session';

export const dynamic = 'force-dynamic';

const BYDAY = [
  ICalWeekday.MO,
  ICalWeekday.TU,
  ICalWeekday.WE,
  ICalWeekday.TH,
  ICalWeekday.FR,
  ICalWeekday.SA,
  ICalWeekday.SU,
];
const times = z
  .array(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/))
  .min(1)
  .max(6);

/** Reminders for the prescribed sessions at the times the patient chose, as a calendar file. */
export async function GET(request: Request) {
  const access = await currentPatient();
  if (!access)
    return failureResponse(fail('refused', 'This link is no longer active.'), { as: 'text', headers: PATIENT_HEADERS });
  const url = new URL(request.url);
  const parsed = times.safeParse(url.searchParams.getAll('time').filter(Boolean));
  const chosen = parsed.success ? [...new Set(parsed.data)].sort() : ['08:00'];
  const view = await patientToday(access);
  const days = [...new Set(view.exercises.flatMap((e) => e.daysOfWeek))].sort();
  const sessions = Math.max(0, ...view.exercises.map((e) => e.sessionsPerDay));

  const calendar = ical({ name: `${view.clinic.name}: upper-back exercises` });
  chosen.slice(0, Math.max(1, sessions)).forEach((time, index) => {
    // ical-generator writes a plain Date with a TZID using the Date's local fields, so build the
    // wall-clock time from its parts rather than as an instant.
    const [y, mo, d] = view.today.split('-').map(Number) as [number, number, number];
    const [hh, mm] = time.split(':').map(Number) as [number, number];
    const start = new Date(y, mo - 1, d, hh, mm, 0);
    calendar.createEvent({
      id: `rollcall-${access.patientId.slice(0, 8)}-${index}`,
      start,
      end: new Date(start.getTime() + 15 * 60_000),
      timezone: access.timezone,
      summary: 'Upper-back exercises',
      description: `Open your plan from the link ${view.clinic.name} gave you.`,
      repeating: { freq: ICalEventRepeatingFreq.WEEKLY, byDay: days.map((d) => BYDAY[d - 1]!) },
      alarms: [{ type: ICalAlarmType.display, trigger: 0 }],
    });
  });
  return new Response(calendar.toString(), {
    headers: {
      ...PATIENT_HEADERS,
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'attachment; filename="exercise-reminders.ics"',
    },
  });
}
