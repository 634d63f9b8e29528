'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';
import { useActionToast } from '@/components/ui/action-toast';
import { Badge } from '@/components/ui/badge';
import { Card, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';
import { PROVIDER_DISCIPLINE_LABELS } from '@/lib/directory/provider-schema';
import type { ImportPreview } from '@/lib/directory/provider-csv';

type ImportState = ActionState & { preview?: ImportPreview; imported?: number };

/** How many rows to add the preview lists by name; the count says the rest. */
const SHOWN = 200;

/**
 * Step one checks the file and lists what it would add and refuse; step two sends the same file
 * again to import it, all or nothing. The server reads the file afresh each time.
 */
export function ImportForm({
  previewAction,
  importAction,
}: {
  previewAction: FormAction<ImportState>;
  importAction: FormAction<ImportState>;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [checked, check] = useActionState<ImportState, FormData>(previewAction, idle);
  const [done, runImport] = useActionState<ImportState, FormData>(importAction, idle);
  useActionToast(done);
  const preview = checked.status === 'ok' ? checked.preview : undefined;
  const imported = done.status === 'ok' && done.imported !== undefined;
  const fileErrors = checked.fieldErrors?.file ?? (checked.status === 'error' ? [checked.message ?? ''] : undefined);

  return (
    <div className="space-y-6">
      <Card className="space-y-4">
        <CardTitle>1. Choose a CSV file</CardTitle>
        <form action={check} noValidate aria-label="Check a CSV file" className="space-y-4">
          <Field
            id="import-file"
            label="CSV file"
            hint="Up to 5 MB and 5,000 rows. The first row names the columns; name and discipline are required."
            errors={fileErrors}
          >
            {(c) => (
              <Input
                {...c}
                name="file"
                type="file"
                accept=".csv,text/csv"
                required
                className="h-auto py-1.5"
                onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
              />
            )}
          </Field>
          <SubmitButton variant="secondary" pendingLabel="Checking…">
            Check the file
          </SubmitButton>
        </form>
      </Card>

      {preview && !imported ? (
        <Card className="space-y-4" aria-labelledby="preview-heading">
          <CardTitle id="preview-heading">2. Check what it will do</CardTitle>
          <p className="text-sm" data-testid="import-summary">
            <span className="font-medium">{preview.fileName}</span>: {preview.add.length}{' '}
            {preview.add.length === 1 ? 'row' : 'rows'} to add, {preview.reject.length}{' '}
            {preview.reject.length === 1 ? 'row' : 'rows'} refused.
          </p>
          {preview.ignoredColumns.length ? (
            <Notice>Columns left out (not ones the directory keeps): {preview.ignoredColumns.join(', ')}.</Notice>
          ) : null}
          {preview.reject.length ? (
            <section aria-labelledby="reject-heading" className="space-y-2">
              <h3 id="reject-heading" className="text-sm font-semibold text-danger">
                Rows that will be refused
              </h3>
              <p className="text-sm text-muted">
                An import adds every row or none. Fix these rows in your spreadsheet (row 1 is the header), save it as
                CSV and check it again.
              </p>
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm" data-testid="import-rejects">
                  <caption className="sr-only">Refused rows and why</caption>
                  <thead className="border-b border-line text-xs uppercase tracking-wide text-muted">
                    <tr>
                      <th scope="col" className="py-2 pr-3 font-medium">
                        Row
                      </th>
                      <th scope="col" className="py-2 font-medium">
                        Why
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.reject.map((r) => (
                      <tr key={r.row} className="border-b border-line last:border-0">
                        <td className="py-2 pr-3 align-top font-medium">{r.row}</td>
                        <td className="py-2">
                          <ul className="space-y-0.5">
                            {r.messages.map((m, i) => (
                              <li key={i}>{m}</li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}
          {preview.add.length ? (
            <section aria-labelledby="add-heading" className="space-y-2">
              <h3 id="add-heading" className="text-sm font-semibold">
                Rows to add
              </h3>
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm" data-testid="import-adds">
                  <caption className="sr-only">Rows the import will add</caption>
                  <thead className="border-b border-line text-xs uppercase tracking-wide text-muted">
                    <tr>
                      <th scope="col" className="py-2 pr-3 font-medium">
                        Row
                      </th>
                      <th scope="col" className="py-2 pr-3 font-medium">
                        Name
                      </th>
                      <th scope="col" className="py-2 pr-3 font-medium">
                        Discipline
                      </th>
                      <th scope="col" className="py-2 font-medium">
                        Organisation
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.add.slice(0, SHOWN).map((r) => (
                      <tr key={r.row} className="border-b border-line last:border-0">
                        <td className="py-2 pr-3">{r.row}</td>
                        <td className="py-2 pr-3">
                          {r.name}{' '}
                          {r.duplicate ? (
                            <Badge tone="warning">
                              {r.duplicate === 'in_directory' ? 'Already in the directory' : 'Twice in this file'}
                            </Badge>
                          ) : null}
                        </td>
                        <td className="py-2 pr-3">{PROVIDER_DISCIPLINE_LABELS[r.discipline]}</td>
                        <td className="py-2">{r.organisation ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {preview.add.length > SHOWN ? (
                <p className="text-sm text-muted">…and {preview.add.length - SHOWN} more.</p>
              ) : null}
            </section>
          ) : null}
          <form
            aria-label="Import the file"
            action={(form) => {
              if (file) form.set('file', file);
              runImport(form);
            }}
          >
            {done.status === 'invalid' || done.status === 'error' ? (
              <Notice tone="danger" role="alert" className="mb-3">
                {done.message}
              </Notice>
            ) : null}
            <SubmitButton pendingLabel="Importing…" disabled={preview.reject.length > 0 || !file}>
              Import {preview.add.length} {preview.add.length === 1 ? 'provider' : 'providers'}
            </SubmitButton>
          </form>
        </Card>
      ) : null}

      {imported ? (
        <Notice tone="success" live>
          {done.message}{' '}
          <Link href="/directory" className="underline underline-offset-4">
            Open the directory
          </Link>
          .
        </Notice>
      ) : null}
    </div>
  );
}
