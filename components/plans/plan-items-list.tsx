import Link from 'next/link';
import { ExerciseIllustration } from '@/components/exercises/illustration';
import { doseInWords } from '@/lib/exercises/dose';
import type { PlanItemView } from '@/lib/plans/read';

/** The exercises of one plan version with their doses in the patient's words. */
export function PlanItemsList({ items, compact = false }: { items: PlanItemView[]; compact?: boolean }) {
  return (
    <ol className="space-y-3">
      {items.map((item) => (
        <li key={item.position} className="flex gap-3 rounded-md border border-line p-3" data-testid="plan-item">
          {!compact && item.exercise.illustration ? (
            <div className="hidden w-28 shrink-0 text-ink sm:block">
              <ExerciseIllustration
                name={item.exercise.illustration}
                title={item.exerciseName}
                className="h-auto w-full"
              />
            </div>
          ) : null}
          <div className="min-w-0">
            <Link
              href={`/exercises/${item.exerciseId}`}
              className="font-medium text-brand-800 underline-offset-4 hover:underline"
            >
              {item.position + 1}. {item.exerciseName}
            </Link>
            <p className="text-sm" data-testid="plan-item-dose">
              {doseInWords(item, item.exercise)}
            </p>
            {item.patientNote ? (
              <p className="mt-1 text-sm text-muted">Note for the patient: {item.patientNote}</p>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
