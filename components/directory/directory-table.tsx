'use client';

import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { DataTable, dataTableColumns } from '@/components/ui/data-table/data-table';
import { DIRECTORY_PAGE_SIZES, type DirectoryQuery, PROVIDER_DISCIPLINE_LABELS } from '@/lib/directory/provider-schema';
import type { Provider } from '@/lib/directory/providers';

const helper = dataTableColumns<Provider>();

const SORT_NAMES: Record<DirectoryQuery['sort'], string> = {
  name: 'name',
  discipline: 'discipline',
  organisation: 'organisation',
  updated: 'last change',
};

// Column ids match the sort keys the server understands (lib/directory/provider-schema.ts).
const columns = helper.columns([
  helper.accessor('name', {
    id: 'name',
    header: 'Provider',
    cell: (info) => {
      const p = info.row.original;
      return (
        <div className="min-w-40">
          <Link href={`/directory/${p.id}`} className="font-medium text-brand-700 underline-offset-4 hover:underline">
            {info.getValue()}
          </Link>
          <span className="mt-1 flex flex-wrap gap-1">
            {p.isClinic ? <Badge tone="brand">Your clinic</Badge> : null}
            {p.archivedAt ? <Badge tone="warning">Archived</Badge> : null}
            {p.acceptingNewPatients ? null : <Badge>Not accepting new patients</Badge>}
          </span>
          {/* Below md the organisation column is skipped, so it is said here. */}
          {p.organisation ? <span className="block text-xs text-muted md:hidden">{p.organisation}</span> : null}
        </div>
      );
    },
  }),
  helper.accessor('discipline', {
    id: 'discipline',
    header: 'Discipline',
    cell: (info) => PROVIDER_DISCIPLINE_LABELS[info.getValue()],
  }),
  helper.accessor('organisation', {
    id: 'organisation',
    header: 'Organisation',
    meta: { className: 'hidden md:table-cell' },
    cell: (info) => info.getValue() ?? <span className="text-muted">—</span>,
  }),
  helper.accessor('phone', {
    id: 'contact',
    header: 'Contact',
    enableSorting: false,
    cell: (info) => {
      const p = info.row.original;
      return (
        <div className="space-y-0.5">
          {p.phone ? (
            <a
              href={`tel:${p.phone.replace(/[^0-9+]/g, '')}`}
              className="block whitespace-nowrap underline-offset-4 hover:underline"
            >
              {p.phone}
            </a>
          ) : null}
          {p.email ? (
            <a
              href={`mailto:${p.email}`}
              className="block break-all text-xs text-muted underline-offset-4 hover:underline"
            >
              {p.email}
            </a>
          ) : null}
          {!p.phone && !p.email ? <span className="text-muted">—</span> : null}
        </div>
      );
    },
  }),
  helper.accessor('tags', {
    id: 'tags',
    header: 'Services and languages',
    enableSorting: false,
    meta: { className: 'hidden lg:table-cell' },
    cell: (info) => {
      const p = info.row.original;
      return (
        <div className="flex max-w-72 flex-wrap gap-1">
          {p.tags.map((t) => (
            <Badge key={t} tone="brand">
              {t}
            </Badge>
          ))}
          {p.languages.length ? <span className="w-full text-xs text-muted">{p.languages.join(', ')}</span> : null}
        </div>
      );
    },
  }),
]);

export function DirectoryTable({ rows, total, query }: { rows: Provider[]; total: number; query: DirectoryQuery }) {
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowId={(row) => row.id}
      sort={{ key: query.sort, dir: query.dir }}
      paging={{ page: query.page, pageSize: query.size, total, pageSizes: DIRECTORY_PAGE_SIZES }}
      caption={`Referral directory, sorted by ${SORT_NAMES[query.sort]} (${query.dir === 'asc' ? 'ascending' : 'descending'})`}
      rowTestId="directory-row"
      empty={
        <>
          No providers match these filters.{' '}
          <Link href="/directory" className="text-brand-700 underline underline-offset-4">
            Clear the filters
          </Link>
          .
        </>
      }
      summary={({ from, to, total }) => (
        <span data-testid="directory-range">
          {from}–{to} of {total}
        </span>
      )}
    />
  );
}
