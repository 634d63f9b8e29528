import { describe, expect, it } from 'vitest';
import { BUILTIN_EXERCISES } from '@/scripts/seed/reference-exercises';
import { CONTRAINDICATIONS } from './contraindications';
import { CONTRAINDICATIONS_OF_KIND, contraindicationsOfKind, retickForKind } from './kind-contraindications';

describe('the contraindications of each kind of exercise', () => {
  it('are what the built-in exercises of that kind carry, every absolute one included', () => {
    const absolute = CONTRAINDICATIONS.filter((c) => c.severity === 'absolute').map((c) => c.code);
    for (const kind of ['soft_tissue', 'joint_mobility'] as const) {
      expect(CONTRAINDICATIONS_OF_KIND[kind]).toEqual(expect.arrayContaining(absolute));
      const builtIns = BUILTIN_EXERCISES.filter((e) => e.kind === kind);
      expect(builtIns.length).toBeGreaterThan(0);
      // Every built-in of the kind carries nothing beyond them, and the kind's most cautious one all of them.
      for (const e of builtIns)
        expect(CONTRAINDICATIONS_OF_KIND[kind]).toEqual(expect.arrayContaining(e.contraindications));
      expect(
        builtIns.some(
          (e) => [...e.contraindications].sort().join() === [...CONTRAINDICATIONS_OF_KIND[kind]].sort().join(),
        ),
      ).toBe(true);
    }
    expect(CONTRAINDICATIONS_OF_KIND.soft_tissue).toContain('severe_osteoporosis');
    expect(contraindicationsOfKind('')).toEqual(absolute);
    expect(contraindicationsOfKind('constructor')).toEqual(absolute);
  });

  it('follow the kind when it changes, keeping what the admin added beyond the old kind’s', () => {
    const sorted = (codes: Iterable<string>) => [...codes].sort();
    const soft = CONTRAINDICATIONS_OF_KIND.soft_tissue;
    const mobility = CONTRAINDICATIONS_OF_KIND.joint_mobility;
    // Before a kind is chosen the admin ticks hypermobility by hand; choosing soft tissue keeps it.
    const early = new Set([...contraindicationsOfKind(''), 'hypermobility']);
    expect(sorted(retickForKind(early, '', 'soft_tissue'))).toEqual(sorted([...soft, 'hypermobility']));
    // Unticking one of soft tissue's own does not survive a change of kind: the safe set comes back.
    const unticked = new Set(soft.filter((c) => c !== 'pregnancy'));
    expect(sorted(retickForKind(unticked, 'soft_tissue', 'joint_mobility'))).toEqual(sorted(mobility));
    expect(sorted(retickForKind(new Set(mobility), 'joint_mobility', 'soft_tissue'))).toEqual(sorted(soft));
    expect(sorted(retickForKind(new Set(), 'joint_mobility', 'soft_tissue'))).toEqual(sorted(soft));
  });
});
