import { Download } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { AUDIT_ACTION_LABELS } from '@/lib/audit/action-names';
import { AUDIT_EARLIEST_DAY, AUDIT_LATEST_DAY, type AuditQuery } from '@/lib/audit/trail-query';

type Choice = { id: string; name: string };

/** A plain GET form: the filters live in the URL, work without JavaScript, and the export takes the same ones. */
export function AuditFilters({
  query,
  fieldErrors,
  practitioners,
  patients,
  exportHref,
}: {
  query: AuditQuery;
  fieldErrors: Partial<Record<'from' | 'to', string[]>>;
  practitioners: Choice[];
  patients: Choice[];
  exportHref: string;
}) {
  const filtered = Boolean(query.patient || query.actor || query.action || query.from || query.to);
  const dateField = (name: 'from' | 'to', label: string) => {
    const error = fieldErrors[name]?.[0];
    return (
      <div>
        <label htmlFor={`audit-${name}`} className="mb-1 block text-sm font-medium">
          {label}
        </label>
        <Input
          id={`audit-${name}`}
          name={name}
          type="date"
          min={AUDIT_EARLIEST_DAY}
          max={AUDIT_LATEST_DAY}
          defaultValue={query[name]}
          className="w-44"
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `audit-${name}-error` : undefined}
        />
        {error ? (
          <p id={`audit-${name}-error`} className="mt-1 text-sm text-danger" data-testid={`audit-${name}-error`}>
            {error}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <form
      method="get"
      action="/settings/audit"
      role="search"
      aria-label="Filter the audit trail"
      className="mb-4 flex flex-wrap items-start gap-3"
    >
      <input type="hidden" name="dir" value={query.dir} />
      <input type="hidden" name="size" value={query.size} />
      <div>
        <label htmlFor="audit-patient" className="mb-1 block text-sm font-medium">
          Patient
        </label>
        <Select id="audit-patient" name="patient" defaultValue={query.patient} className="w-52">
          <option value="">Any</option>
          {patients.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <label htmlFor="audit-actor" className="mb-1 block text-sm font-medium">
          Practitioner
        </label>
        <Select id="audit-actor" name="actor" defaultValue={query.actor} className="w-52">
          <option value="">Anyone</option>
          {practitioners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <label htmlFor="audit-action" className="mb-1 block text-sm font-medium">
          Action
        </label>
        <Select id="audit-action" name="action" defaultValue={query.action} className="w-56">
          <option value="">Any</option>
          {Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </div>
      {dateField('from', 'From')}
      {dateField('to', 'To')}
      <div className="flex items-center gap-3 self-end">
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {filtered ? (
          <Link href="/settings/audit" className="text-sm text-brand-700 underline underline-offset-4">
            Clear
          </Link>
        ) : null}
        <Button asChild variant="secondary">
          <a href={exportHref}>
            <Download aria-hidden /> Export CSV
          </a>
        </Button>
      </div>
    </form>
  );
}
