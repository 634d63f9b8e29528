'use client';

import {
  type ColumnDef,
  createColumnHelper,
  type CellData,
  type RowData,
  type TableFeatures,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import type * as React from 'react';
import { cn } from '@/lib/utils';
import { type PageRange, Pager, type Paging } from './pager';
import { SortableHeaderCell } from './sortable-header-cell';
import { useUrlState } from './url-state';

const features = tableFeatures({ rowSortingFeature });

declare module '@tanstack/react-table' {
  // The type parameters must match TanStack's own declaration to merge with it.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TFeatures extends TableFeatures, TData extends RowData, TValue extends CellData = CellData> {
    /** Classes for the column's header and cells, e.g. `hidden xl:table-cell` for a column narrow screens skip. */
    className?: string;
  }
}

/** Columns for a DataTable, declared once per table with this helper. */
export const dataTableColumns = <TRow extends RowData>() => createColumnHelper<typeof features, TRow>();

export type SortDir = 'asc' | 'desc';

/**
 * One table for every list the server sorts and pages. The rows are one page, already sorted in
 * SQL; sorting and paging change the URL (`sort`, `dir`, `page`, `size`) and the server page
 * renders the new rows. A sortable column's id is the sort key the server understands; a column
 * the server cannot sort by says `enableSorting: false`.
 */
export function DataTable<TRow extends RowData, TSort extends string>({
  columns,
  rows,
  rowId,
  sort,
  paging,
  caption,
  rowTestId,
  empty,
  summary,
}: {
  columns: ColumnDef<typeof features, TRow>[];
  rows: TRow[];
  rowId: (row: TRow) => string;
  sort: { key: TSort; dir: SortDir };
  paging: Paging;
  /** For screen readers: what the table lists, and how it is sorted. */
  caption: string;
  rowTestId: string;
  /** Shown instead of rows when there are none: say what to do next. */
  empty: React.ReactNode;
  summary: (range: PageRange) => React.ReactNode;
}) {
  const { href, push, pending } = useUrlState();
  const sorting: SortingState = [{ id: sort.key, desc: sort.dir === 'desc' }];
  const table = useTable({
    features,
    columns,
    data: rows,
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: (updater) => {
      const first = (typeof updater === 'function' ? updater(sorting) : updater)[0];
      if (first) push({ sort: first.id, dir: first.desc ? 'desc' : 'asc', page: null });
    },
    getRowId: rowId,
  });

  return (
    <div
      className={cn('rounded-lg border border-line bg-white transition-opacity', pending && 'opacity-60')}
      aria-busy={pending}
    >
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="border-b border-line bg-surface text-xs uppercase tracking-wide text-muted">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <SortableHeaderCell
                    key={header.id}
                    className={header.column.columnDef.meta?.className}
                    sorted={header.column.getIsSorted()}
                    canSort={header.column.getCanSort()}
                    onToggle={header.column.getToggleSortingHandler()}
                  >
                    <table.FlexRender header={header} />
                  </SortableHeaderCell>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                className="border-b border-line last:border-0 hover:bg-surface/60"
                data-testid={rowTestId}
              >
                {row.getAllCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={cn('px-3 py-3 align-top xl:px-4', cell.column.columnDef.meta?.className)}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p className="px-4 py-10 text-center text-sm text-muted">{empty}</p> : null}
      <Pager paging={paging} summary={summary} href={href} push={push} />
    </div>
  );
}
