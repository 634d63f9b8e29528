import { Badge } from '@/components/ui/badge';
import { Card, CardTitle } from '@/components/ui/card';
import { PROVIDER_DISCIPLINE_LABELS } from '@/lib/directory/provider-schema';
import type { Provider } from '@/lib/directory/providers';

const telHref = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, '')}`;

/** A directory entry as practitioners read it, internal notes included (a staff-only screen). */
export function ProviderDetails({ provider: p }: { provider: Provider }) {
  const rows: [string, React.ReactNode][] = [
    ['Discipline', PROVIDER_DISCIPLINE_LABELS[p.discipline]],
    ['Organisation', p.organisation],
    ['Accepting new patients', p.acceptingNewPatients ? 'Yes' : 'No'],
    ['Phone', p.phone ? <a href={telHref(p.phone)}>{p.phone}</a> : null],
    ['Email', p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : null],
    [
      'Website',
      p.website ? (
        <a href={p.website} rel="noopener noreferrer" target="_blank">
          {p.website}
        </a>
      ) : null,
    ],
    ['Address', p.address],
    ['Opening hours', p.openingHours],
    ['Languages', p.languages.length ? p.languages.join(', ') : null],
  ];
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <Card aria-labelledby="details-heading">
        <CardTitle id="details-heading">Details</CardTitle>
        <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-muted">{label}</dt>
              <dd className="whitespace-pre-line break-words [&_a]:text-brand-700 [&_a]:underline [&_a]:underline-offset-4">
                {value ?? <span className="text-muted">—</span>}
              </dd>
            </div>
          ))}
        </dl>
      </Card>
      <div className="space-y-6">
        <Card aria-labelledby="tags-heading">
          <CardTitle id="tags-heading">Services and tags</CardTitle>
          {p.tags.length ? (
            <ul className="mt-3 flex flex-wrap gap-1.5" aria-label="Tags">
              {p.tags.map((t) => (
                <li key={t}>
                  <Badge tone="brand">{t}</Badge>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-muted">None yet.</p>
          )}
        </Card>
        <Card aria-labelledby="notes-heading">
          <CardTitle id="notes-heading">Internal notes</CardTitle>
          <p className="mt-1 text-xs text-muted">Your team only; never shown to patients.</p>
          <p className="mt-2 whitespace-pre-line text-sm">
            {p.internalNotes ?? <span className="text-muted">None.</span>}
          </p>
        </Card>
      </div>
    </div>
  );
}
