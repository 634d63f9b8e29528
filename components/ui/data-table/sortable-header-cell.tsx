import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import type * as React from 'react';

/** A column header that sorts when pressed and tells screen readers how the column is sorted. */
export function SortableHeaderCell({
  sorted,
  canSort = true,
  onToggle,
  children,
}: {
  sorted: false | 'asc' | 'desc';
  canSort?: boolean;
  onToggle: ((event: unknown) => void) | undefined;
  children: React.ReactNode;
}) {
  return (
    <th
      scope="col"
      className="px-4 py-3 font-medium"
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : canSort ? 'none' : undefined}
    >
      {canSort ? (
        <button
          type="button"
          onClick={onToggle}
          className="inline-flex items-center gap-1 uppercase tracking-wide hover:text-ink"
        >
          {children}
          {sorted === 'asc' ? (
            <ArrowUp className="size-3.5" aria-hidden />
          ) : sorted === 'desc' ? (
            <ArrowDown className="size-3.5" aria-hidden />
          ) : (
            <ArrowUpDown className="size-3.5 opacity-50" aria-hidden />
          )}
        </button>
      ) : (
        children
      )}
    </th>
  );
}
