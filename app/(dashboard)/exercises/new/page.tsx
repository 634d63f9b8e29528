import type { Metadata } from 'next';
import { BackLink } from '@/components/ui/back-link';
import { CustomExerciseForm } from '@/components/exercises/custom-exercise-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/guard';
import { clinicLibrary } from '@/lib/exercises/library';
import { createCustomExerciseAction } from '../actions';

export const metadata: Metadata = { title: 'Add an exercise' };

export default async function NewExercisePage() {
  const actor = await requireAdmin();
  const library = await clinicLibrary(actor, { includeHidden: true });
  const options = library.map((e) => ({ id: e.id, name: e.hidden ? `${e.name} (hidden)` : e.name }));
  return (
    <>
      <BackLink href="/exercises">Exercise library</BackLink>
      <PageHeader
        title="Add an exercise"
        description="A custom exercise for your clinic only. Patients see the steps, cues and safety notes exactly as you write them, so use plain words."
      />
      <CustomExerciseForm library={options} action={createCustomExerciseAction} />
    </>
  );
}
