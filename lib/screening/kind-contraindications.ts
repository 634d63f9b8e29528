import type { ExerciseKind } from '@/lib/exercises/types';
import type { ContraindicationCode } from './contraindications';

/**
 * The contraindications an exercise of each kind carries, as the built-in library does
 * (scripts/seed/reference-exercises.ts explains each): every absolute code, and the relative ones
 * that any weight on a roller over the back raises; joint mobility adds those of moving the spine.
 * A new custom exercise starts with its kind's, so one is never unsafe by omission.
 */
export const ABSOLUTE_CODES: ContraindicationCode[] = [
  'bone_tumour',
  'acute_fracture',
  'severe_osteoporosis',
  'spinal_instability',
  'spinal_infection',
  'neuro_deficit',
  'cauda_equina',
  'bleeding_disorder',
  'aortic_aneurysm',
];

export const SOFT_TISSUE_RELATIVE: ContraindicationCode[] = [
  'osteopenia',
  'pregnancy',
  'anticoagulants',
  'skin_over_area',
  'recent_spinal_surgery',
];

export const JOINT_MOBILITY_RELATIVE: ContraindicationCode[] = [
  ...SOFT_TISSUE_RELATIVE,
  'inflammatory_arthritis',
  'hypermobility',
];

export const CONTRAINDICATIONS_OF_KIND: Record<ExerciseKind, ContraindicationCode[]> = {
  soft_tissue: [...ABSOLUTE_CODES, ...SOFT_TISSUE_RELATIVE],
  joint_mobility: [...ABSOLUTE_CODES, ...JOINT_MOBILITY_RELATIVE],
};

/** What a form ticks for a kind: before one is chosen, the absolute codes every kind carries. */
export function contraindicationsOfKind(kind: string): ContraindicationCode[] {
  return Object.hasOwn(CONTRAINDICATIONS_OF_KIND, kind)
    ? CONTRAINDICATIONS_OF_KIND[kind as ExerciseKind]
    : ABSOLUTE_CODES;
}

/**
 * The ticks after the kind changes from `from` to `to`: the new kind's codes, plus any the admin
 * added beyond the old kind's. Unticking one of a kind's own codes does not survive the change.
 */
export function retickForKind(ticked: ReadonlySet<string>, from: string, to: string): Set<string> {
  const before = new Set<string>(contraindicationsOfKind(from));
  return new Set([...contraindicationsOfKind(to), ...[...ticked].filter((c) => !before.has(c))]);
}
