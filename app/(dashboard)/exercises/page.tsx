import { Dumbbell, Plus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ExerciseCard, KIND_LABELS } from '@/components/exercises/exercise-card';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePractitioner } from '@/lib/auth/guard';
import { clinicLibrary } from '@/lib/exercises/library';
import { EXERCISE_KINDS } from '@/lib/exercises/types';
import { setExerciseHiddenAction } from './actions';

export const metadata: Metadata = { title: 'Exercise library' };

export default async function ExerciseLibraryPage() {
  const actor = await requirePractitioner();
  const isAdmin = actor.role === 'admin';
  const library = await clinicLibrary(actor, { includeHidden: isAdmin });
  const groups = EXERCISE_KINDS.map((kind) => ({ kind, exercises: library.filter((e) => e.kind === kind) })).filter(
    (g) => g.exercises.length > 0,
  );
  return (
    <>
      <PageHeader
        title="Exercise library"
        description={
          isAdmin
            ? 'The built-in exercises and your clinic’s own. Hidden built-ins stay here for you, but practitioners can’t assign them.'
            : 'The exercises you can assign: the built-ins and your clinic’s own.'
        }
        actions={
          isAdmin ? (
            <Button asChild>
              <Link href="/exercises/new">
                <Plus aria-hidden />
                Add an exercise
              </Link>
            </Button>
          ) : null
        }
      />
      {groups.length === 0 ? (
        <EmptyState icon={Dumbbell} title="No exercises yet">
          {isAdmin
            ? 'Add an exercise to start your clinic’s library.'
            : 'Ask a clinic admin to add exercises to the library.'}
        </EmptyState>
      ) : (
        <div className="space-y-8">
          {groups.map((group) => (
            <section key={group.kind} aria-labelledby={`kind-${group.kind}`}>
              <h2 id={`kind-${group.kind}`} className="mb-3 text-lg font-semibold text-ink">
                {KIND_LABELS[group.kind]}{' '}
                <span className="text-sm font-normal text-muted">({group.exercises.length})</span>
              </h2>
              <ul className="grid gap-4 sm:grid-cols-2 md:grid-cols-1 lg:grid-cols-2 xl:grid-cols-3">
                {group.exercises.map((exercise) => (
                  <li key={exercise.id}>
                    <ExerciseCard exercise={exercise} hideAction={isAdmin ? setExerciseHiddenAction : undefined} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
