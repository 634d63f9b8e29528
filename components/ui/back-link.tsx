import { ArrowLeft } from 'lucide-react';
import Link from 'next/link';

/** "← Parent page" above a page header, for pages one level down. */
export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      className="mb-3 inline-flex items-center gap-1 text-sm text-brand-700 underline-offset-4 hover:underline"
    >
      <ArrowLeft className="size-4" aria-hidden />
      {children}
    </Link>
  );
}
