'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type * as React from 'react';
import { cn } from '@/lib/utils';

export function NavLink({ href, icon, children }: { href: string; icon: React.ReactNode; children: React.ReactNode }) {
  const pathname = usePathname();
  const active = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      className={cn(
        'flex shrink-0 items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-muted hover:bg-brand-50 hover:text-ink [&_svg]:size-4',
        active && 'bg-brand-50 text-brand-800',
      )}
    >
      {icon}
      {children}
    </Link>
  );
}
