import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
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
      <Link href="/exercises" className="mb-3 inline-flex items-center gap-1 text-sm text-brand-700 underline-offset-4 hover:underline">
        <ArrowLeft className="size-4" aria-hidden />
        Exercise library
      </Link>
      <PageHeader
        title="Add an exercise"
        description="A custom exercise for your clinic only. Patients see the steps, cues and safety notes exactly as you write them, so use plain words."
      />
      <CustomExerciseForm library={options} action={createCustomExerciseAction} />
    </>
  );
}
