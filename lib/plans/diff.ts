import { type DoseChange, doseChanges } from '@/lib/exercises/dose';
import type { Dose } from '@/lib/exercises/types';

export type VersionItem = Dose & { exerciseId: string; exerciseName: string; patientNote: string | null };

export type VersionDiff = {
  added: string[];
  removed: string[];
  changed: { exerciseName: string; changes: DoseChange[] }[];
};

/** What a version changed compared with the one before it. */
export function diffVersions(before: VersionItem[], after: VersionItem[]): VersionDiff {
  const old = new Map(before.map((i) => [i.exerciseId, i]));
  const now = new Map(after.map((i) => [i.exerciseId, i]));
  return {
    added: after.filter((i) => !old.has(i.exerciseId)).map((i) => i.exerciseName),
    removed: before.filter((i) => !now.has(i.exerciseId)).map((i) => i.exerciseName),
    changed: after.flatMap((i) => {
      const prev = old.get(i.exerciseId);
      if (!prev) return [];
      const changes = doseChanges(prev, i);
      return changes.length ? [{ exerciseName: i.exerciseName, changes }] : [];
    }),
  };
}

export function isEmptyDiff(d: VersionDiff): boolean {
  return d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0;
}
