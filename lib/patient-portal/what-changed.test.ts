import { describe, expect, it } from 'vitest';
import type { Weekday } from '@/db/schema';
import { whatChanged } from './what-changed';

const item = (over: Partial<Parameters<typeof whatChanged>[0][number]> = {}) => ({
  exerciseId: 'ext',
  name: 'Thoracic extension',
  timing: 'hold' as const,
  repsUnit: 'reps' as const,
  holdSeconds: 45,
  reps: 3,
  sets: 1,
  sessionsPerDay: 1,
  daysOfWeek: [1, 2, 3, 4, 5] as Weekday[],
  ...over,
});

describe('whatChanged', () => {
  it('says a longer hold in the patient’s words', () => {
    expect(whatChanged([item()], [item({ holdSeconds: 60 })])).toEqual([
      'Your hold time on Thoracic extension went up to 1 minute.',
    ]);
  });
  it('names each change, new and removed exercises, and nothing for an unchanged plan', () => {
    const roll = item({ exerciseId: 'roll', name: 'Upper-back roll', timing: 'roll', holdSeconds: 60 });
    expect(
      whatChanged(
        [item(), roll],
        [
          item({ holdSeconds: 30, sessionsPerDay: 2, daysOfWeek: [1, 3, 5] as Weekday[] }),
          item({ exerciseId: 'seg', name: 'Segmental mobilization' }),
        ],
      ),
    ).toEqual([
      'Your hold time on Thoracic extension went down to 30 seconds.',
      'Thoracic extension: twice a day now (it was once).',
      'Thoracic extension: now on Mon, Wed, Fri.',
      'New exercise: Segmental mobilization.',
      'Upper-back roll is no longer in your plan.',
    ]);
    expect(whatChanged([item()], [item()])).toEqual([]);
  });
});
