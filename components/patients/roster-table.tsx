'use client';

import Link from 'next/link';
import { AdherenceCell, AlertsCell, LastSessionCell, PainCell, percent } from '@/components/patients/figure-cells';
import { PatientCell } from '@/components/patients/patient-cell';
import { DataTable, dataTableColumns } from '@/components/ui/data-table/data-table';
import { formatDate } from '@/lib/dates';
import type { RosterRow } from '@/lib/roster/roster-page';
import { PAGE_SIZES, type RosterQuery } from '@/lib/validation/patient';

const helper = dataTableColumns<RosterRow>();

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
      <PatientCell
        patientId={info.row.original.id}
        name={info.getValue()}
        discharged={info.row.original.status === 'discharged'}
        detail={
          <>
            {info.row.original.birthYear ? `Born ${info.row.original.birthYear} · ` : ''}
            {info.row.original.timezone}
            {/* Below xl the practitioner column is skipped, so it is said here. */}
            <span className="block xl:hidden">{info.row.original.primaryPractitionerName ?? 'Unassigned'}</span>
          </>
        }
      />
    ),
  }),
  helper.accessor('primaryPractitionerName', {
    id: 'practitioner',
    header: 'Practitioner',
    enableSorting: false,
    meta: { className: 'hidden xl:table-cell' },
    cell: (info) => info.getValue() ?? <span className="text-muted">Unassigned</span>,
  }),
  helper.accessor('adherence7', {
    id: 'adherence7',
    header: '7 days',
    cell: (info) =>
      info.row.original.status === 'active' ? (
        <AdherenceCell value={info.getValue()} trend={info.row.original.trend} />
      ) : (
        <span className="text-muted">—</span>
      ),
  }),
  helper.accessor('adherence28', { id: 'adherence28', header: '28 days', cell: (info) => percent(info.getValue()) }),
  helper.accessor('painChange', {
    id: 'pain',
    header: 'Pain after',
    cell: (info) => <PainCell after={info.row.original.painAfter7} change={info.getValue()} />,
  }),
  helper.accessor('openRedFlags', {
    id: 'alerts',
    header: 'Alerts',
    cell: (info) => <AlertsCell open={info.getValue()} />,
  }),
  helper.accessor('lastSessionAt', {
    id: 'last_session',
    header: 'Last session',
    cell: (info) => <LastSessionCell daysAgo={info.row.original.daysSinceLastSession} />,
  }),
  helper.accessor('createdAt', {
    id: 'created',
    header: 'Added',
    meta: { className: 'hidden xl:table-cell' },
    cell: (info) => formatDate(info.getValue(), info.row.original.timezone),
  }),
]);

export function RosterTable({ rows, total, query }: { rows: RosterRow[]; total: number; query: RosterQuery }) {
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowId={(row) => row.id}
      sort={{ key: query.sort, dir: query.dir }}
      paging={{ page: query.page, pageSize: query.size, total, pageSizes: PAGE_SIZES }}
      caption={`Patients, sorted by ${SORT_NAMES[query.sort]} (${query.dir === 'asc' ? 'ascending' : 'descending'})`}
      rowTestId="roster-row"
      empty={
        <>
          No patients match these filters.{' '}
          <Link href="/patients" className="text-brand-700 underline underline-offset-4">
            Clear the filters
          </Link>{' '}
          or add a patient.
        </>
      }
      summary={({ from, to, total }) => (
        <span data-testid="roster-range">
          {from}–{to} of {total}
        </span>
      )}
    />
  );
}
