import { describe, expect, it } from 'vitest';
import { REST_SECONDS, timerStepsOf } from './timer-steps';
import type { PatientExercise } from './types';

const exercise = (patch: Partial<PatientExercise>): PatientExercise => ({
  id: 'x',
  name: 'Exercise',
  steps: [],
  cues: [],
  safetyNotes: [],
  timing: 'hold',
  repsUnit: 'reps',
  holdSeconds: 30,
  reps: 3,
  sets: 1,
  doseText: '',
  ...patch,
});

describe('the guided session’s timers', () => {
  it('runs every pass a rolling exercise prescribes: “roll for 60 seconds, 3 times, 1 set” is three timers', () => {
    const steps = timerStepsOf(exercise({ timing: 'roll', holdSeconds: 60, reps: 3, sets: 1 }));
    expect(steps.map((s) => [s.kind, s.seconds, s.progress])).toEqual([
      ['work', 60, 'Roll 1 of 3'],
      ['work', 60, 'Roll 2 of 3'],
      ['work', 60, 'Roll 3 of 3'],
    ]);
  });

  it('runs holds × positions × sets with a rest between sets, and none after the last', () => {
    const steps = timerStepsOf(exercise({ holdSeconds: 20, reps: 2, sets: 3 }));
    expect(steps.map((s) => `${s.kind} ${s.seconds} ${s.progress}`)).toEqual([
      'work 20 Set 1 of 3 · Position 1 of 2',
      'work 20 Set 1 of 3 · Position 2 of 2',
      `rest ${REST_SECONDS} Rest before set 2 of 3`,
      'work 20 Set 2 of 3 · Position 1 of 2',
      'work 20 Set 2 of 3 · Position 2 of 2',
      `rest ${REST_SECONDS} Rest before set 3 of 3`,
      'work 20 Set 3 of 3 · Position 1 of 2',
      'work 20 Set 3 of 3 · Position 2 of 2',
    ]);
  });

  it('takes the breaths of a set in one timer at the breathing pace', () => {
    const steps = timerStepsOf(exercise({ repsUnit: 'breaths', holdSeconds: 45, reps: 5, sets: 2 }));
    expect(steps.map((s) => [s.kind, s.breathing, s.progress])).toEqual([
      ['work', true, 'Set 1 of 2 · 5 slow breaths'],
      ['rest', false, 'Rest before set 2 of 2'],
      ['work', true, 'Set 2 of 2 · 5 slow breaths'],
    ]);
  });

  it('keeps a broken dose within sane bounds rather than running no timer', () => {
    expect(timerStepsOf(exercise({ reps: 0, sets: Number.NaN, holdSeconds: -5 }))).toEqual([
      { kind: 'work', seconds: 1, breathing: false, progress: 'Position 1 of 1' },
    ]);
  });
});
