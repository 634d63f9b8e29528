'use client';

import type { ReactTable, RowData, rowSortingFeature, TableFeatures } from '@tanstack/react-table';
import { cn } from '@/lib/utils';
import { SortableHeaderCell } from './sortable-header-cell';

/** What the row-sorting feature gives each column (TypeScript cannot see it through the generic). */
type SortingColumn = { getIsSorted(): false | 'asc' | 'desc'; getCanSort(): boolean; getToggleSortingHandler(): ((event: unknown) => void) | undefined };

/**
 * The head (sortable column headers) and body of a server-sorted table: the dashboard's roster
 * and the patients roster render their rows the same way.
 */
export function SortedTableSections<TFeatures extends TableFeatures & { rowSortingFeature: typeof rowSortingFeature }, TData extends RowData>({
  table,
  rowTestId,
  rowClassName,
}: {
  table: ReactTable<TFeatures, TData>;
  rowTestId: string;
  rowClassName?: string;
}) {
  return (
    <>
      <thead className="border-b border-line bg-surface text-xs uppercase tracking-wide text-muted">
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const column = header.column as unknown as SortingColumn;
              return (
                <SortableHeaderCell key={header.id} sorted={column.getIsSorted()} canSort={column.getCanSort()} onToggle={column.getToggleSortingHandler()}>
                  <table.FlexRender header={header} />
                </SortableHeaderCell>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id} className={cn('border-b border-line last:border-0', rowClassName)} data-testid={rowTestId}>
            {row.getAllCells().map((cell) => (
              <td key={cell.id} className="px-4 py-3 align-top">
                <table.FlexRender cell={cell} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </>
  );
}
