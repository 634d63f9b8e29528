'use client';

import { createColumnHelper, rowSortingFeature, type SortingState, tableFeatures, useTable } from '@tanstack/react-table';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTransition } from 'react';
import { AdherenceCell, AlertsCell, LastSessionCell, PainCell, percent } from '@/components/patients/figure-cells';
import { PageLink } from '@/components/ui/page-link';
import { SortedTableSections } from '@/components/ui/sorted-table-sections';
import { cn } from '@/lib/utils';

export type DashboardTableRow = {
  patientId: string;
  name: string;
  practitionerName: string | null;
  adherence7: number | null;
  adherence28: number | null;
  completed7: number;
  prescribed7: number;
  trend: (number | null)[];
  lastSessionDay: string | null;
  daysSinceLastSession: number | null;
  painAfter7: number | null;
  painChange: number | null;
  openRedFlags: number;
};

const features = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof features, DashboardTableRow>();

const columns = helper.columns([
  helper.accessor('name', {
    id: 'name',
    header: 'Patient',
    cell: (info) => (
      <div>
        <Link href={`/patients/${info.row.original.patientId}`} className="font-medium text-brand-800 underline-offset-4 hover:underline">
          {info.getValue()}
        </Link>
        <div className="text-xs text-muted">{info.row.original.practitionerName ?? 'Unassigned'}</div>
      </div>
    ),
  }),
  helper.accessor('adherence7', {
    id: 'adherence7',
    header: '7 days',
    cell: (info) => <AdherenceCell value={info.getValue()} trend={info.row.original.trend} />,
  }),
  helper.accessor('adherence28', { id: 'adherence28', header: '28 days', cell: (info) => percent(info.getValue()) }),
  helper.accessor('lastSessionDay', {
    id: 'last_session',
    header: 'Last session',
    cell: (info) => <LastSessionCell daysAgo={info.row.original.daysSinceLastSession} />,
  }),
  helper.accessor('painChange', {
    id: 'pain',
    header: 'Pain after',
    cell: (info) => <PainCell after={info.row.original.painAfter7} change={info.getValue()} />,
  }),
  helper.accessor('openRedFlags', { id: 'alerts', header: 'Alerts', cell: (info) => <AlertsCell open={info.getValue()} /> }),
]);

export function DashboardTable({ rows, total, page, pageSize, sort, dir }: { rows: DashboardTableRow[]; total: number; page: number; pageSize: number; sort: string; dir: 'asc' | 'desc' }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const href = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(changes)) next.set(k, v);
    return `${pathname}?${next.toString()}`;
  };
  const sorting: SortingState = [{ id: sort, desc: dir === 'desc' }];
  const table = useTable({
    features,
    columns,
    data: rows,
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: (updater) => {
      const first = (typeof updater === 'function' ? updater(sorting) : updater)[0];
      if (first) startTransition(() => router.push(href({ sort: first.id, dir: first.desc ? 'desc' : 'asc', page: '1' })));
    },
    getRowId: (r) => r.patientId,
  });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className={cn('rounded-lg border border-line bg-white', pending && 'opacity-60')} aria-busy={pending}>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Active patients with adherence, last session, pain and alerts</caption>
          <SortedTableSections table={table} rowTestId="dashboard-row" />
        </table>
      </div>
      {rows.length === 0 ? <p className="px-4 py-8 text-center text-sm text-muted">No active patients in this view.</p> : null}
      <nav aria-label="Pages" className="flex items-center justify-between border-t border-line px-4 py-3 text-sm text-muted">
        <span>
          {total} patient{total === 1 ? '' : 's'} · page {page} of {pages}
        </span>
        <span className="flex gap-2">
          <PageLink href={href({ page: String(page - 1) })} disabled={page <= 1} direction="previous" />
          <PageLink href={href({ page: String(page + 1) })} disabled={page >= pages} direction="next" />
        </span>
      </nav>
    </div>
  );
}
