import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { FormAction } from '@/lib/actions/action-state';
import { doseInWords } from '@/lib/exercises/dose';
import type { LibraryExercise } from '@/lib/exercises/library';
import type { Equipment, ExerciseKind } from '@/lib/exercises/types';
import { HideToggle } from './hide-toggle';
import { ExerciseIllustration } from './illustration';

export const KIND_LABELS: Record<ExerciseKind, string> = {
  soft_tissue: 'Soft tissue',
  joint_mobility: 'Joint mobility',
};

export const EQUIPMENT_LABELS: Record<Equipment, string> = {
  standard_roller: 'Standard roller',
  hard_core_roller: 'Hard-core roller',
};

/** Equipment, origin and visibility of an exercise, as badges. */
export function ExerciseBadges({ exercise }: { exercise: Pick<LibraryExercise, 'equipment' | 'builtIn' | 'hidden'> }) {
  return (
    <div className="flex flex-wrap gap-1">
      <Badge>{EQUIPMENT_LABELS[exercise.equipment]}</Badge>
      {exercise.builtIn ? <Badge>Built-in</Badge> : <Badge tone="brand">Custom</Badge>}
      {exercise.hidden ? <Badge tone="warning">Hidden from your clinic</Badge> : null}
    </div>
  );
}

/** One exercise in the library grid. Admins get the hide/show control on built-ins: the page hands it only to them. */
export function ExerciseCard({ exercise, hideAction }: { exercise: LibraryExercise; hideAction?: FormAction }) {
  const href = `/exercises/${exercise.id}`;
  return (
    <Card
      className={exercise.hidden ? 'flex h-full flex-col border-dashed' : 'flex h-full flex-col'}
      data-testid={`exercise-${exercise.slug}`}
    >
      {exercise.illustration ? (
        <div className="mb-3 rounded-md bg-surface px-2 py-1 text-ink">
          <ExerciseIllustration
            name={exercise.illustration}
            title={exercise.name}
            className="mx-auto h-auto max-h-36 w-full"
          />
        </div>
      ) : null}
      <h3 className="text-base font-semibold leading-snug">
        <Link href={href} className="text-brand-800 underline-offset-4 hover:underline">
          {exercise.name}
        </Link>
      </h3>
      <div className="mt-2">
        <ExerciseBadges exercise={exercise} />
      </div>
      {exercise.summary ? <p className="mt-2 text-sm text-muted">{exercise.summary}</p> : null}
      <p className="mt-3 text-sm text-ink">
        <span className="font-medium">Default dose: </span>
        {doseInWords(exercise.defaultDose, exercise)}
      </p>
      {hideAction && exercise.builtIn ? (
        <div className="mt-auto pt-4">
          <HideToggle exerciseId={exercise.id} name={exercise.name} hidden={exercise.hidden} action={hideAction} />
        </div>
      ) : null}
    </Card>
  );
}
