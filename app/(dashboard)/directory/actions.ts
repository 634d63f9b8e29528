'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { ActionState } from '@/lib/actions/action-state';
import { formAction } from '@/lib/actions/form-action';
import {
  type ImportPreview,
  csvUploadSchema,
  importProviders,
  previewProviderImport,
} from '@/lib/directory/provider-csv';
import { providerIdSchema, providerSchema } from '@/lib/directory/provider-schema';
import { addProvider, archiveProvider, restoreProvider, updateProvider } from '@/lib/directory/providers';

const PROVIDER_FIELDS = [
  'name',
  'discipline',
  'organisation',
  'address',
  'phone',
  'email',
  'website',
  'languages',
  'tags',
  'acceptingNewPatients',
  'openingHours',
  'internalNotes',
];

const notFound = { fields: ['providerId'], message: 'That provider is not in your clinic’s directory.' };

export const addProviderAction = formAction({
  caller: 'admin',
  schema: providerSchema,
  echo: PROVIDER_FIELDS,
  run: (input, actor) => addProvider(actor, input),
  done: ({ id }) => {
    revalidatePath('/directory');
    redirect(`/directory/${id}?added=1`);
  },
});

export const updateProviderAction = formAction({
  caller: 'admin',
  schema: providerSchema.extend(providerIdSchema.shape),
  echo: PROVIDER_FIELDS,
  notFound,
  run: ({ providerId, ...input }, actor) => updateProvider(actor, providerId, input),
  done: (_, { providerId }) => {
    revalidatePath('/directory');
    revalidatePath(`/directory/${providerId}`);
    return { status: 'ok', message: 'Provider saved.' };
  },
});

export const archiveProviderAction = formAction({
  caller: 'admin',
  schema: providerIdSchema,
  notFound,
  run: ({ providerId }, actor) => archiveProvider(actor, providerId),
  done: (_, { providerId }) => {
    revalidatePath('/directory');
    revalidatePath(`/directory/${providerId}`);
    return { status: 'ok', message: 'Archived: it is out of the directory and the referral picker.' };
  },
});

export const restoreProviderAction = formAction({
  caller: 'admin',
  schema: providerIdSchema,
  notFound,
  run: ({ providerId }, actor) => restoreProvider(actor, providerId),
  done: (_, { providerId }) => {
    revalidatePath('/directory');
    revalidatePath(`/directory/${providerId}`);
    return { status: 'ok', message: 'Restored to the directory.' };
  },
});

export type ImportState = ActionState & { preview?: ImportPreview; imported?: number };

// The file is a File, which readForm leaves out: these read it themselves.
const readFile = (form: FormData) => ({ file: form.get('file') });

export const previewImportAction = formAction<'admin', typeof csvUploadSchema, ImportPreview, ImportState>({
  caller: 'admin',
  schema: csvUploadSchema,
  read: readFile,
  run: ({ file }, actor) => previewProviderImport(actor, file),
  done: (preview) => ({ status: 'ok', preview }),
});

export const importProvidersAction = formAction<'admin', typeof csvUploadSchema, { imported: number }, ImportState>({
  caller: 'admin',
  schema: csvUploadSchema,
  read: readFile,
  run: ({ file }, actor) => importProviders(actor, file),
  done: ({ imported }) => {
    revalidatePath('/directory');
    return {
      status: 'ok',
      imported,
      message: `Imported ${imported} ${imported === 1 ? 'provider' : 'providers'}.`,
    };
  },
});
