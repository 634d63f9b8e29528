import { cn } from '@/lib/utils';

/** One column heading of a printed table: its label, and any width or alignment it needs. */
export type Column = { label: string; className?: string };

/** A printed table's heading row, every cell a column header; `cell` is the shared look of each. */
export function HeaderRow({ columns, cell, className }: { columns: Column[]; cell: string; className?: string }) {
  return (
    <tr className={className}>
      {columns.map((c) => (
        <th key={c.label} scope="col" className={cn(cell, 'font-semibold', c.className)}>
          {c.label}
        </th>
      ))}
    </tr>
  );
}
