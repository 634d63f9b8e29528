import 'server-only';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAlarmType } from 'ical-generator';
import { z } from 'zod';
import { dayBoundsIn, shiftDate } from '@/lib/dates';
import type { PatientTodayView } from './today';

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** The last moment of a day where the patient is, in UTC as RFC 5545 wants it beside a zoned DTSTART. */
function untilUtc(day: string, timezone: string): string {
  const last = new Date(Date.parse(dayBoundsIn(day, timezone).to) - 1000);
  return last
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** An open-ended plan's reminders stop after this many weeks: a plan is reviewed well before. */
export const OPEN_ENDED_WEEKS = 12;
const MAX_TIMES = 6;

/** The times the patient picked on the page (?time=08:00&time=18:30), each refused in words if wrong. */
export const reminderTimesSchema = z
  .array(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Each time must be a time of day such as 08:00 or 18:30.'), {
    error: 'Choose at least one time.',
  })
  .min(1, 'Choose at least one time.')
  .max(MAX_TIMES, `Choose at most ${MAX_TIMES} times.`);

type CalendarInput = Pick<PatientTodayView, 'clinic' | 'exercises' | 'today' | 'plan'> & {
  patientId: string;
  timezone: string;
};

/**
 * Weekly reminders for the prescribed sessions at the patient's times, in their timezone with its
 * VTIMEZONE (RFC 5545), ending with the plan (or after OPEN_ENDED_WEEKS). Event ids carry the plan
 * version, so the file made after a change is a new series rather than an edit of the old. The
 * text names the clinic and its phone, never the link's token.
 */
export function reminderCalendar(view: CalendarInput, times: string[]): string {
  const days = [...new Set(view.exercises.flatMap((e) => e.daysOfWeek))].sort();
  const sessions = Math.max(1, ...view.exercises.map((e) => e.sessionsPerDay));
  const lastDay = view.plan?.endDate ?? shiftDate(view.today, OPEN_ENDED_WEEKS * 7);
  const calendar = ical({ name: `${view.clinic.name}: upper-back exercises` });
  calendar.timezone({ name: view.timezone, generator: (tz) => getVtimezoneComponent(tz) ?? null });
  const phone = view.clinic.phone ? ` or call them on ${view.clinic.phone}` : '';
  const description =
    `Time for your upper-back exercises. Open your plan from the link ${view.clinic.name} gave you${phone}. ` +
    `If your plan changes, download new reminders from your plan page.`;
  const wallClock = (day: string, time: string) => {
    // ical-generator writes a plain Date with a TZID using the Date's local fields, so build the
    // wall-clock time from its parts rather than as an instant.
    const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
    const [hh, mm] = time.split(':').map(Number) as [number, number];
    return new Date(y, mo - 1, d, hh, mm, 0);
  };
  [...new Set(times)]
    .sort()
    .slice(0, sessions)
    .forEach((time, index) => {
      const start = wallClock(view.today, time);
      calendar.createEvent({
        id: `rollcall-${view.patientId.slice(0, 8)}-${(view.plan?.versionId ?? 'none').slice(0, 8)}-${index}`,
        start,
        end: new Date(start.getTime() + 15 * 60_000),
        timezone: view.timezone,
        summary: 'Upper-back exercises',
        description,
        repeating: `FREQ=WEEKLY;BYDAY=${days.map((d) => BYDAY[d - 1]).join(',')};UNTIL=${untilUtc(lastDay, view.timezone)}`,
        alarms: [{ type: ICalAlarmType.display, trigger: 0 }],
      });
    });
  return calendar.toString();
}
