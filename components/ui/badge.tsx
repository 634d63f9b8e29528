import { cva, type VariantProps } from 'class-variance-authority';
import type * as React from 'react';
import { cn } from '@/lib/utils';

const badgeVariants = cva('inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium', {
  variants: {
    tone: {
      neutral: 'bg-surface text-muted ring-1 ring-line',
      brand: 'bg-brand-50 text-brand-800 ring-1 ring-brand-100',
      danger: 'bg-red-50 text-danger ring-1 ring-red-200',
      warning: 'bg-amber-50 text-warning ring-1 ring-amber-200',
    },
  },
  defaultVariants: { tone: 'neutral' },
});

export function Badge({
  className,
  tone,
  ...props
}: React.ComponentProps<'span'> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ tone }), className)} {...props} />;
}
