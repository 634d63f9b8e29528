'use client';

import { createColumnHelper, rowPaginationFeature, rowSortingFeature, type SortingState, tableFeatures, useTable } from '@tanstack/react-table';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { Badge } from '@/components/ui/badge';
import { AdherenceCell, AlertsCell, LastSessionCell, PainCell, percent } from '@/components/patients/figure-cells';
import { Select } from '@/components/ui/input';
import { PageLink } from '@/components/ui/page-link';
import { SortedTableSections } from '@/components/ui/sorted-table-sections';
import type { RosterRow } from '@/lib/roster/roster-page';
import { formatDate } from '@/lib/dates';
import { PAGE_SIZES, type RosterQuery } from '@/lib/validation/patient';
import { cn } from '@/lib/utils';

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });
const helper = createColumnHelper<typeof features, RosterRow>();

const SORT_NAMES: Record<RosterQuery['sort'], string> = {
  name: 'name',
  created: 'date added',
  last_session: 'last session',
  adherence7: '7-day adherence',
  adherence28: '28-day adherence',
  pain: 'change in pain after sessions',
  alerts: 'open red flags',
};

// Column ids match the sort keys the server understands (lib/validation/patient.ts).
const columns = helper.columns([
  helper.accessor('name', {
    id: 'name',
    header: 'Patient',
    cell: (info) => (
      <div>
        <Link href={`/patients/${info.row.original.id}`} className="font-medium text-brand-800 underline-offset-4 hover:underline">
          {info.getValue()}
        </Link>
        {info.row.original.status === 'discharged' ? (
          <Badge tone="neutral" className="ml-2">
            Discharged
          </Badge>
        ) : null}
        <div className="text-xs text-muted">
          {info.row.original.birthYear ? `Born ${info.row.original.birthYear} · ` : ''}
          {info.row.original.timezone}
        </div>
      </div>
    ),
  }),
  helper.accessor('primaryPractitionerName', {
    id: 'practitioner',
    header: 'Practitioner',
    enableSorting: false,
    cell: (info) => info.getValue() ?? <span className="text-muted">Unassigned</span>,
  }),
  helper.accessor('adherence7', {
    id: 'adherence7',
    header: '7 days',
    cell: (info) => (info.row.original.status === 'active' ? <AdherenceCell value={info.getValue()} trend={info.row.original.trend} /> : <span className="text-muted">—</span>),
  }),
  helper.accessor('adherence28', { id: 'adherence28', header: '28 days', cell: (info) => percent(info.getValue()) }),
  helper.accessor('painChange', {
    id: 'pain',
    header: 'Pain after',
    cell: (info) => <PainCell after={info.row.original.painAfter7} change={info.getValue()} />,
  }),
  helper.accessor('openRedFlags', { id: 'alerts', header: 'Alerts', cell: (info) => <AlertsCell open={info.getValue()} /> }),
  helper.accessor('lastSessionAt', {
    id: 'last_session',
    header: 'Last session',
    cell: (info) => <LastSessionCell daysAgo={info.row.original.daysSinceLastSession} />,
  }),
  helper.accessor('createdAt', {
    id: 'created',
    header: 'Added',
    cell: (info) => formatDate(info.getValue(), info.row.original.timezone),
  }),
]);

export function RosterTable({ rows, total, query }: { rows: RosterRow[]; total: number; query: RosterQuery }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const pageCount = Math.max(1, Math.ceil(total / query.size));

  const hrefWith = (changes: Partial<Record<keyof RosterQuery, string | number>>) => {
    const params = new URLSearchParams();
    const next = { ...query, ...changes };
    for (const [k, v] of Object.entries(next)) {
      const defaults: Record<string, string> = { q: '', status: 'active', practitioner: '', sort: 'name', dir: 'asc', page: '1', size: '25' };
      if (String(v) !== defaults[k]) params.set(k, String(v));
    }
    const s = params.toString();
    return s ? `${pathname}?${s}` : pathname;
  };

  const sorting: SortingState = [{ id: query.sort, desc: query.dir === 'desc' }];
  const table = useTable({
    features,
    columns,
    data: rows,
    rowCount: total,
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    state: { sorting, pagination: { pageIndex: query.page - 1, pageSize: query.size } },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      if (!first) return;
      startTransition(() => router.push(hrefWith({ sort: first.id, dir: first.desc ? 'desc' : 'asc', page: 1 })));
    },
    getRowId: (row) => row.id,
  });

  const from = total === 0 ? 0 : (query.page - 1) * query.size + 1;
  const to = Math.min(total, query.page * query.size);

  return (
    <div className={cn('rounded-lg border border-line bg-white transition-opacity', pending && 'opacity-60')} aria-busy={pending}>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">
            Patients, sorted by {SORT_NAMES[query.sort]} ({query.dir === 'asc' ? 'ascending' : 'descending'})
          </caption>
          <SortedTableSections table={table} rowTestId="roster-row" rowClassName="hover:bg-surface/60" />
        </table>
      </div>
      {rows.length === 0 ? (
        <p className="px-4 py-10 text-center text-sm text-muted">
          No patients match these filters. <Link href={pathname} className="text-brand-700 underline underline-offset-4">Clear the filters</Link> or add a patient.
        </p>
      ) : null}
      <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 border-t border-line px-4 py-3 text-sm">
        <p className="text-muted" data-testid="roster-range">
          {from}–{to} of {total}
        </p>
        <div className="flex items-center gap-3">
          <label className="flex items-center gap-2 text-muted">
            Rows per page
            <Select
              className="h-8 w-20"
              value={query.size}
              onChange={(e) => startTransition(() => router.push(hrefWith({ size: Number(e.target.value), page: 1 })))}
            >
              {PAGE_SIZES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          </label>
          <span className="text-muted">
            Page {query.page} of {pageCount}
          </span>
          <PageLink href={hrefWith({ page: query.page - 1 })} disabled={query.page <= 1} direction="previous" />
          <PageLink href={hrefWith({ page: query.page + 1 })} disabled={query.page >= pageCount} direction="next" />
        </div>
      </nav>
    </div>
  );
}

