'use client';

import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { DataTable, dataTableColumns } from '@/components/ui/data-table/data-table';
import { AUDIT_OUTCOME_LABELS } from '@/lib/audit/action-names';
import { AUDIT_PAGE_SIZES, type AuditQuery } from '@/lib/audit/trail-query';

/** One row as the server wrote it out: times in the clinic's timezone, names joined from ids. */
export type AuditRowView = {
  id: string;
  when: string;
  action: string;
  actionLabel: string;
  outcome: keyof typeof AUDIT_OUTCOME_LABELS;
  who: string;
  patientId: string | null;
  patientName: string | null;
  subject: string;
  detail: string | null;
  clientAddress: string | null;
};

const helper = dataTableColumns<AuditRowView>();

const OUTCOME_TONES = { ok: 'neutral', denied: 'danger', failed: 'warning' } as const;

// The trail sorts by time only: the column id is the server's one sort key.
const columns = helper.columns([
  helper.accessor('when', {
    id: 'at',
    header: 'When',
    cell: (info) => <span className="whitespace-nowrap">{info.getValue()}</span>,
  }),
  helper.accessor('actionLabel', {
    id: 'action',
    header: 'What',
    enableSorting: false,
    cell: (info) => {
      const r = info.row.original;
      return (
        <span className="flex flex-wrap items-center gap-1">
          <span className="font-medium">{info.getValue()}</span>
          {r.outcome !== 'ok' ? <Badge tone={OUTCOME_TONES[r.outcome]}>{AUDIT_OUTCOME_LABELS[r.outcome]}</Badge> : null}
        </span>
      );
    },
  }),
  helper.accessor('who', { id: 'who', header: 'Who', enableSorting: false }),
  helper.accessor('patientName', {
    id: 'patient',
    header: 'Patient',
    enableSorting: false,
    cell: (info) => {
      const r = info.row.original;
      if (!r.patientId) return <span className="text-muted">—</span>;
      return r.patientName ? (
        <Link href={`/patients/${r.patientId}`} className="text-brand-700 underline-offset-4 hover:underline">
          {r.patientName}
        </Link>
      ) : (
        <span className="font-mono text-xs">{r.patientId}</span>
      );
    },
  }),
  helper.accessor('subject', {
    id: 'details',
    header: 'Details',
    enableSorting: false,
    meta: { className: 'hidden lg:table-cell' },
    cell: (info) => {
      const r = info.row.original;
      return (
        <span className="block max-w-80 break-words text-xs text-muted">
          {info.getValue()}
          {r.detail ? <span className="block">{r.detail}</span> : null}
        </span>
      );
    },
  }),
  helper.accessor('clientAddress', {
    id: 'address',
    header: 'Address',
    enableSorting: false,
    meta: { className: 'hidden md:table-cell' },
    cell: (info) => <span className="font-mono text-xs">{info.getValue() ?? '—'}</span>,
  }),
]);

export function AuditTable({ rows, total, query }: { rows: AuditRowView[]; total: number; query: AuditQuery }) {
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowId={(row) => row.id}
      sort={{ key: 'at', dir: query.dir }}
      paging={{ page: query.page, pageSize: query.size, total, pageSizes: AUDIT_PAGE_SIZES }}
      caption={`Audit trail, ${query.dir === 'desc' ? 'newest' : 'oldest'} first`}
      rowTestId="audit-row"
      empty={
        <>
          Nothing recorded matches these filters.{' '}
          <Link href="/settings/audit" className="text-brand-700 underline underline-offset-4">
            Clear the filters
          </Link>
          .
        </>
      }
      summary={({ from, to, total }) => (
        <span data-testid="audit-range">
          {from}–{to} of {total}
        </span>
      )}
    />
  );
}
