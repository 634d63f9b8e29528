import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import type * as React from 'react';
import { cn } from '@/lib/utils';

/** A column header that sorts when pressed and tells screen readers how the column is sorted. */
export function SortableHeaderCell({
  sorted,
  canSort = true,
  onToggle,
  className,
  children,
}: {
  sorted: false | 'asc' | 'desc';
  canSort?: boolean;
  onToggle: ((event: unknown) => void) | undefined;
  className?: string | undefined;
  children: React.ReactNode;
}) {
  return (
    <th
      scope="col"
      className={cn('px-3 py-3 font-medium xl:px-4', className)}
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
