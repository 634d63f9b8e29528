import { differenceInCalendarDays, parseISO } from 'date-fns';
// eslint-disable-next-line no-restricted-syntax -- date-fns-tz is what the new code is checked against
import { formatInTimeZone } from 'date-fns-tz';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  dayIn,
  daysBetween,
  daysSince,
  formatDate,
  formatDateTime,
  formatDay,
  formatDayRange,
  lastSessionInWords,
  shiftDate,
  todayIn,
} from './dates';

// The server's own zone must make no difference: each case runs with the process in UTC, in
// zones either side of it, and in Santiago, whose clocks change at midnight.
const PROCESS_ZONES = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kolkata', 'America/Santiago'];
const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

function inEveryProcessZone(check: () => void) {
  const offsets = new Set<number>();
  for (const zone of PROCESS_ZONES) {
    process.env.TZ = zone;
    offsets.add(new Date('2026-06-01T12:00:00Z').getTimezoneOffset());
    check();
  }
  // Proves the process really changed zone between runs.
  expect(offsets.size).toBe(PROCESS_ZONES.length);
}

const lastSession = (at: string, timezone: string, now: string) =>
  lastSessionInWords(daysSince(at, timezone, new Date(now)));

describe('the last session, in words', () => {
  it('reads the same for a Berlin and an Auckland patient whatever zone the server runs in', () => {
    inEveryProcessZone(() => {
      // 21:50 UTC on 9 June is 23:50 in Berlin and 09:50 the next morning in Auckland.
      expect(lastSession('2026-06-09T21:50:00Z', 'Europe/Berlin', '2026-06-10T08:00:00Z')).toBe('Yesterday');
      expect(lastSession('2026-06-09T21:50:00Z', 'Pacific/Auckland', '2026-06-10T08:00:00Z')).toBe('Today');
      expect(lastSession('2026-06-06T21:50:00Z', 'Europe/Berlin', '2026-06-10T08:00:00Z')).toBe('4 days ago');
      expect(lastSession('2026-06-06T21:50:00Z', 'Pacific/Auckland', '2026-06-10T08:00:00Z')).toBe('3 days ago');
    });
  });

  it('counts calendar days where the patient is, not 24-hour spans: ten minutes either side of midnight', () => {
    inEveryProcessZone(() => {
      // Now is 00:05 on 10 June in Berlin; 23:55 was ten minutes ago, and yesterday.
      expect(lastSession('2026-06-09T21:55:00Z', 'Europe/Berlin', '2026-06-09T22:05:00Z')).toBe('Yesterday');
      expect(lastSession('2026-06-09T22:01:00Z', 'Europe/Berlin', '2026-06-09T22:05:00Z')).toBe('Today');
      // In Auckland both are the morning of 10 June.
      expect(lastSession('2026-06-09T21:55:00Z', 'Pacific/Auckland', '2026-06-09T22:05:00Z')).toBe('Today');
      // 23:59 two days back and 00:01 now: 24 hours and 2 minutes, two calendar days.
      expect(lastSession('2026-06-08T21:59:00Z', 'Europe/Berlin', '2026-06-09T22:01:00Z')).toBe('2 days ago');
    });
  });

  it('stays right across the DST changes in Berlin and Auckland', () => {
    inEveryProcessZone(() => {
      // Berlin springs forward on 29 March: 23:30 CET on the 28th to 02:30 CEST on the 30th is 26 hours, two days.
      expect(lastSession('2026-03-28T22:30:00Z', 'Europe/Berlin', '2026-03-30T00:30:00Z')).toBe('2 days ago');
      // Auckland falls back on 5 April, a 25-hour day: 00:30 NZDT to 23:30 NZST is 24 hours, the same day.
      expect(lastSession('2026-04-04T11:30:00Z', 'Pacific/Auckland', '2026-04-05T11:30:00Z')).toBe('Today');
      expect(lastSession('2026-04-04T11:30:00Z', 'Pacific/Auckland', '2026-04-05T12:30:00Z')).toBe('Yesterday');
      expect(formatDateTime('2026-03-28T22:30:00Z', 'Europe/Berlin')).toBe('Mar 28, 2026, 11:30 PM GMT+1');
      expect(formatDateTime('2026-03-30T00:30:00Z', 'Europe/Berlin')).toBe('Mar 30, 2026, 2:30 AM GMT+2');
      expect(formatDateTime('2026-04-05T11:30:00Z', 'Pacific/Auckland')).toBe('Apr 5, 2026, 11:30 PM GMT+12');
    });
  });

  it('has words for no session yet, and for a session a fast phone dated just past midnight', () => {
    expect(lastSessionInWords(daysSince(null, 'Europe/Berlin'))).toBe('No sessions yet');
    expect(lastSession('2026-06-09T22:03:00Z', 'Europe/Berlin', '2026-06-09T21:58:00Z')).toBe('Today');
  });
});

describe('dates written out', () => {
  it('writes an instant for the zone it is given, and a calendar day as that day, whatever the server zone', () => {
    inEveryProcessZone(() => {
      expect(formatDate('2026-06-09T22:30:00Z', 'Europe/Berlin')).toBe('Jun 10, 2026');
      expect(formatDate('2026-06-09T22:30:00Z', 'America/New_York')).toBe('Jun 9, 2026');
      expect(formatDateTime(new Date('2026-11-28T15:09:00Z'), 'America/Denver')).toBe('Nov 28, 2026, 8:09 AM MST');
      expect(todayIn('Pacific/Auckland', new Date('2026-06-09T22:30:00Z'))).toBe('2026-06-10');
      expect(formatDay('2026-03-29')).toBe('Sun 29 Mar 2026');
      expect(formatDay('2026-09-06', 'long')).toBe('Sunday 6 September');
      expect(formatDay('2026-09-06', 'short')).toBe('Sep 6');
      expect(formatDayRange('2026-12-01', '2026-12-04')).toBe('Tue 1 Dec 2026 – Fri 4 Dec 2026');
      expect(formatDayRange('2026-12-01', '2026-12-01')).toBe('Tue 1 Dec 2026 (one day)');
      expect(formatDayRange('2026-12-01', null)).toBe('Tue 1 Dec 2026 – …');
      expect(shiftDate('2026-03-28', 2)).toBe('2026-03-30');
      expect(shiftDate('2026-09-06', 1)).toBe('2026-09-07');
      expect(shiftDate('2026-09-07', -1)).toBe('2026-09-06');
    });
  });
});

describe('calendar days, written without date-fns-tz on the hot path', () => {
  // dayIn, daysBetween and daysSince keep one Intl formatter per zone instead of formatInTimeZone
  // (issue 18): they must give date-fns-tz's answer for every zone the runtime knows, any instant.
  const zones = Intl.supportedValuesOf('timeZone');
  const instant = fc.date({
    min: new Date('1950-01-01T00:00:00Z'),
    max: new Date('2100-12-31T23:59:59Z'),
    noInvalidDate: true,
  });
  const zone = fc.constantFrom(...zones, 'UTC', 'Etc/GMT+12', 'Pacific/Kiritimati', 'US/Pacific');

  it('dayIn and todayIn give the day formatInTimeZone gives, for a Date or an ISO string', () => {
    fc.assert(
      fc.property(instant, zone, (at, timezone) => {
        const expected = formatInTimeZone(at, timezone, 'yyyy-MM-dd');
        expect(dayIn(at, timezone)).toBe(expected);
        expect(dayIn(at.toISOString(), timezone)).toBe(expected);
        expect(todayIn(timezone, at)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the instants PostgreSQL and JSON write, with any offset', () => {
    expect(dayIn('2026-06-15T23:30:00+00:00', 'UTC')).toBe('2026-06-15');
    expect(dayIn('2026-06-15T23:30:00.123-05:00', 'UTC')).toBe('2026-06-16');
    expect(dayIn('2026-06-15 23:30:00+00', 'Asia/Tokyo')).toBe('2026-06-16');
    expect(() => dayIn('2026-06-15', 'Not/AZone')).toThrow(RangeError);
  });

  it('daysBetween and daysSince count calendar days as differenceInCalendarDays does', () => {
    inEveryProcessZone(() =>
      fc.assert(
        fc.property(instant, instant, zone, (a, b, timezone) => {
          const [from, to] = [formatInTimeZone(a, 'UTC', 'yyyy-MM-dd'), formatInTimeZone(b, 'UTC', 'yyyy-MM-dd')];
          expect(daysBetween(from, to)).toBe(differenceInCalendarDays(parseISO(to), parseISO(from)));
          expect(daysSince(a, timezone, b)).toBe(
            differenceInCalendarDays(
              parseISO(formatInTimeZone(b, timezone, 'yyyy-MM-dd')),
              parseISO(formatInTimeZone(a, timezone, 'yyyy-MM-dd')),
            ),
          );
        }),
        { numRuns: 300 },
      ),
    );
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
    expect(daysBetween('2026-13-01', '2026-12-01')).toBeNaN();
    expect(daysBetween('2026-02-29', '2026-03-01')).toBeNaN();
  });
});
