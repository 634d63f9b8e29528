import { describe, expect, it } from 'vitest';
import { SYMPTOMS, type SymptomCode } from './log-limits';
import { RED_FLAG_HIGH_PAIN, RED_FLAG_PAIN_ROSE, redFlagsOf } from './red-flags';

const calm = { painBefore: 2, painAfter: 2, symptoms: [] as SymptomCode[] };

describe('redFlagsOf', () => {
  it('has no flags for a calm session', () => {
    expect(redFlagsOf(calm)).toEqual([]);
    expect(redFlagsOf({ painBefore: 6, painAfter: 6, symptoms: [] })).toEqual([]);
    expect(redFlagsOf({ painBefore: 0, painAfter: 1, symptoms: [] })).toEqual([]);
    // Less pain afterwards is never a flag.
    expect(redFlagsOf({ painBefore: 6, painAfter: 0, symptoms: [] })).toEqual([]);
  });

  it('flags each ticked symptom with its label', () => {
    for (const s of SYMPTOMS) {
      expect(redFlagsOf({ ...calm, symptoms: [s.code] })).toEqual([s.label]);
    }
  });

  it('lists several symptoms once each, in the order of SYMPTOMS', () => {
    expect(redFlagsOf({ ...calm, symptoms: ['chest', 'tingling', 'chest'] })).toEqual([
      'Tingling or numbness in the arms or hands',
      'Chest pain or getting out of breath',
    ]);
  });

  it('flags pain of 7 or more, before or after', () => {
    expect(redFlagsOf({ painBefore: 7, painAfter: 6, symptoms: [] })).toEqual([RED_FLAG_HIGH_PAIN]);
    expect(redFlagsOf({ painBefore: 10, painAfter: 9, symptoms: [] })).toEqual([RED_FLAG_HIGH_PAIN]);
    expect(RED_FLAG_HIGH_PAIN).toBe('Pain of 7 or more');
  });

  it('flags pain 2 or more points higher after the session', () => {
    expect(redFlagsOf({ painBefore: 3, painAfter: 5, symptoms: [] })).toEqual([RED_FLAG_PAIN_ROSE]);
    expect(redFlagsOf({ painBefore: 0, painAfter: 4, symptoms: [] })).toEqual([RED_FLAG_PAIN_ROSE]);
    expect(redFlagsOf({ painBefore: 3, painAfter: 4, symptoms: [] })).toEqual([]);
    expect(RED_FLAG_PAIN_ROSE).toBe('Pain 2 or more points higher after the session');
  });

  it('combines every rule: symptoms first, then high pain, then the rise', () => {
    expect(redFlagsOf({ painBefore: 5, painAfter: 8, symptoms: ['sharp_pain'] })).toEqual([
      'Sharp or shooting pain',
      RED_FLAG_HIGH_PAIN,
      RED_FLAG_PAIN_ROSE,
    ]);
  });

  it('reads a pain number left empty as unknown: never a flag by itself, never hiding a symptom', () => {
    expect(redFlagsOf({ painBefore: null, painAfter: null, symptoms: ['chest'] })).toEqual([
      'Chest pain or getting out of breath',
    ]);
    expect(redFlagsOf({ painBefore: null, painAfter: 8, symptoms: ['tingling'] })).toEqual([
      'Tingling or numbness in the arms or hands',
      RED_FLAG_HIGH_PAIN,
    ]);
    expect(redFlagsOf({ painBefore: 1, painAfter: null, symptoms: [] })).toEqual([]);
  });
});
