import Link from 'next/link';
import { cn } from '@/lib/utils';

/** A row of links that switch a view (scope, range, status); the current one is marked for screen readers. */
export function PillNav({
  label,
  items,
}: {
  label: string;
  items: { href: string; label: string; current: boolean }[];
}) {
  return (
    <nav aria-label={label} className="mb-4 flex flex-wrap gap-2">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item.current ? 'page' : undefined}
          className={cn(
            'rounded-full border px-3 py-1 text-sm',
            item.current
              ? 'border-brand-600 bg-brand-50 text-brand-800'
              : 'border-line bg-white text-muted hover:text-ink',
          )}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
