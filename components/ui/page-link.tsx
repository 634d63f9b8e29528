import { ChevronLeft, ChevronRight } from 'lucide-react';
import Link from 'next/link';
import { cn } from '@/lib/utils';

/** "Previous page" / "Next page" for a list paged in the URL; shown greyed out at either end. */
export function PageLink({
  href,
  disabled,
  direction,
}: {
  href: string;
  disabled: boolean;
  direction: 'previous' | 'next';
}) {
  const cls = 'inline-flex size-8 items-center justify-center rounded-md border border-line';
  const label = direction === 'previous' ? 'Previous page' : 'Next page';
  const icon =
    direction === 'previous' ? (
      <ChevronLeft className="size-4" aria-hidden />
    ) : (
      <ChevronRight className="size-4" aria-hidden />
    );
  if (disabled) {
    return (
      <span className={cn(cls, 'opacity-40')} aria-disabled="true" aria-label={label} role="link">
        {icon}
      </span>
    );
  }
  return (
    <Link href={href} className={cn(cls, 'hover:bg-brand-50')} aria-label={label}>
      {icon}
    </Link>
  );
}
