import { describe, expect, it } from 'vitest';
import { OPEN_ENDED_WEEKS, reminderCalendar, reminderTimesSchema } from './calendar';

const view = (endDate: string | null) => ({
  patientId: '6f5cdaca-9651-49e6-bde1-38651b4603af',
  timezone: 'Europe/London',
  today: '2026-12-01',
  plan: {
    versionId: 'a1b2c3d4-0000-4000-8000-000000000000',
    planId: 'a1b2c3d4-0000-4000-8000-000000000001',
    version: 1,
    effectiveDate: '2026-11-01',
    authorName: null,
    endDate,
  },
  clinic: {
    name: 'Northside Physio',
    phone: '+44 161 555 0190',
    emergencyNumber: '999',
    hours: [],
    openNow: null,
    closedAdvice: '',
    footer: null,
  },
  exercises: [{ daysOfWeek: [1, 3, 5], sessionsPerDay: 2 }] as never,
});

describe('the reminders calendar file', () => {
  it('describes the patient’s timezone, ends with the plan, and tells the way back without a token', () => {
    const ics = reminderCalendar(view('2026-12-20'), ['18:30', '07:45']);
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(ics).toContain('TZID:Europe/London');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toMatch(/DTSTART;TZID=Europe\/London:20261201T074500/);
    // The end of 20 December in London, in UTC (RFC 5545: UTC beside a zoned start).
    expect(ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20261220T235959Z');
    expect(ics.replace(/\r\n /g, '')).toContain(
      'Open your plan from the link Northside Physio gave you or call them on +44 161 555 0190',
    );
    // Each plan version is its own series.
    expect(ics).toContain('UID:rollcall-6f5cdaca-a1b2c3d4-0');
  });

  it('stops an open-ended plan’s reminders after a review period', () => {
    const ics = reminderCalendar(view(null), ['08:00']);
    expect(OPEN_ENDED_WEEKS).toBe(12);
    expect(ics).toContain('UNTIL=20270223T235959Z');
  });

  it('refuses times that are not times of day', () => {
    for (const bad of [['25:00'], ['abc'], [], ['08:00', '09:00', '10:00', '11:00', '12:00', '13:00', '14:00']])
      expect(reminderTimesSchema.safeParse(bad).success, bad.join()).toBe(false);
    expect(reminderTimesSchema.safeParse(['08:00', '23:59']).success).toBe(true);
  });
});
