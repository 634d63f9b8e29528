import { AlertTriangle, CheckCircle2, Info } from 'lucide-react';
import type * as React from 'react';
import { cn } from '@/lib/utils';

const tones = {
  info: { cls: 'border-brand-100 bg-brand-50 text-brand-800', Icon: Info },
  danger: { cls: 'border-red-200 bg-red-50 text-danger', Icon: AlertTriangle },
  success: { cls: 'border-green-200 bg-green-50 text-success', Icon: CheckCircle2 },
} as const;

/** An inline message. `live` makes screen readers announce it when it appears. */
export function Notice({
  tone = 'info',
  live = false,
  children,
  className,
  ...props
}: React.ComponentProps<'div'> & { tone?: keyof typeof tones; live?: boolean }) {
  const { cls, Icon } = tones[tone];
  return (
    <div
      role={live ? 'status' : undefined}
      aria-live={live ? 'polite' : undefined}
      className={cn('flex gap-2 rounded-md border px-3 py-2 text-sm', cls, className)}
      {...props}
    >
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div>{children}</div>
    </div>
  );
}
