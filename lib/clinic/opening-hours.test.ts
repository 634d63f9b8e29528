import { describe, expect, it } from 'vitest';
import type { OpeningHours } from './opening-hours';
import { openingHoursLines, openStatus, openStatusText } from './opening-hours';

const weekdays = (opens: string, closes: string) => ([1, 2, 3, 4, 5] as const).map((day) => ({ day, opens, closes }));
const hours: OpeningHours = [...weekdays('08:00', '18:00'), { day: 6, opens: '09:00', closes: '12:00' }];

describe('opening hours', () => {
  it('are written a line per run of days with the same hours', () => {
    expect(openingHoursLines(hours)).toEqual([
      'Monday to Friday: 08:00–18:00',
      'Saturday: 09:00–12:00',
      'Sunday: closed',
    ]);
    expect(
      openingHoursLines([
        { day: 1, opens: '08:00', closes: '12:00' },
        { day: 1, opens: '14:00', closes: '18:00' },
        { day: 3, opens: '08:00', closes: '12:00' },
      ]),
    ).toEqual([
      'Monday: 08:00–12:00, 14:00–18:00',
      'Tuesday: closed',
      'Wednesday: 08:00–12:00',
      'Thursday to Sunday: closed',
    ]);
    expect(openingHoursLines([])).toEqual([]);
  });

  it('say whether the clinic is open now where it is, and when it opens next', () => {
    // Tuesday 1 December 2026, 17:30 in London (UTC in winter).
    const at = (iso: string) => openStatusText(openStatus(hours, 'Europe/London', new Date(iso)));
    expect(at('2026-12-01T17:30:00Z')).toBe('Open now, until 18:00.');
    expect(at('2026-12-01T18:00:00Z')).toBe('Closed now. Opens Wednesday at 08:00.');
    expect(at('2026-12-01T06:00:00Z')).toBe('Closed now. Opens today at 08:00.');
    expect(at('2026-12-05T13:00:00Z')).toBe('Closed now. Opens Monday at 08:00.'); // Saturday afternoon
    // The same instant is 18:30 in Berlin: closed there.
    expect(openStatusText(openStatus(hours, 'Europe/Berlin', new Date('2026-12-01T17:30:00Z')))).toBe(
      'Closed now. Opens Wednesday at 08:00.',
    );
    expect(openStatusText(openStatus([], 'Europe/London'))).toBeNull();
  });
});
