import { describe, expect, it } from 'vitest';
import { REFERRAL_STATUSES } from '@/db/schema';
import { canMove, FHIR_TASK_STATUS, isOpen, nextSteps, refusalOf } from './status';

describe('the referral status flow', () => {
  it('allows exactly these steps, and nothing out of a closed referral', () => {
    const allowed = REFERRAL_STATUSES.flatMap((from) =>
      REFERRAL_STATUSES.filter((to) => canMove(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'draft→sent',
        'draft→cancelled',
        'sent→booked',
        'sent→declined',
        'sent→cancelled',
        'booked→seen',
        'booked→declined',
        'booked→cancelled',
        'seen→report_received',
        'seen→declined',
        'seen→cancelled',
      ].sort(),
    );
    for (const closed of ['report_received', 'declined', 'cancelled'] as const) {
      expect(isOpen(closed)).toBe(false);
      expect(nextSteps(closed)).toEqual([]);
    }
    expect(refusalOf('declined', 'seen')).toBe('This referral is declined: it cannot change any more.');
    expect(refusalOf('draft', 'seen')).toBe('A referral that is draft cannot be marked seen.');
  });

  it('maps one-to-one onto FHIR Task statuses', () => {
    const fhir = REFERRAL_STATUSES.map((s) => FHIR_TASK_STATUS[s]);
    expect(new Set(fhir).size).toBe(REFERRAL_STATUSES.length);
    expect(fhir).toEqual(['draft', 'requested', 'accepted', 'in-progress', 'completed', 'rejected', 'cancelled']);
  });
});
