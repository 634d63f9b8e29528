'use client';

import { AdherenceCell, AlertsCell, LastSessionCell, PainCell, percent } from '@/components/patients/figure-cells';
import { PatientCell } from '@/components/patients/patient-cell';
import { DataTable, dataTableColumns } from '@/components/ui/data-table/data-table';

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
  /** The stored timezone is unknown to the database: no figures until it is corrected. */
  timezoneInvalid?: boolean;
};

const helper = dataTableColumns<DashboardTableRow>();

const columns = helper.columns([
  helper.accessor('name', {
    id: 'name',
    header: 'Patient',
    cell: (info) => (
      <PatientCell
        patientId={info.row.original.patientId}
        name={info.getValue()}
        detail={
          info.row.original.timezoneInvalid ? (
            <span className="font-medium text-danger" data-testid="timezone-error">
              Timezone not recognised: edit the patient to see figures
            </span>
          ) : (
            (info.row.original.practitionerName ?? 'Unassigned')
          )
        }
      />
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
  helper.accessor('openRedFlags', {
    id: 'alerts',
    header: 'Alerts',
    cell: (info) => <AlertsCell open={info.getValue()} />,
  }),
]);

export function DashboardTable({
  rows,
  total,
  page,
  pageSize,
  sort,
  dir,
}: {
  rows: DashboardTableRow[];
  total: number;
  page: number;
  pageSize: number;
  sort: string;
  dir: 'asc' | 'desc';
}) {
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowId={(row) => row.patientId}
      sort={{ key: sort, dir }}
      paging={{ page, pageSize, total }}
      caption="Active patients with adherence, last session, pain and alerts"
      rowTestId="dashboard-row"
      empty="No active patients in this view."
      summary={({ total }) => `${total} patient${total === 1 ? '' : 's'}`}
    />
  );
}
