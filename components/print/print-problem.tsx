import { ArrowLeft } from 'lucide-react';
import Link from 'next/link';

/** What a print page says instead of an empty sheet: why there is nothing to print, and the way back. */
export function PrintProblem({
  title,
  message,
  back,
}: {
  title: string;
  message: string;
  back: { href: string; label: string };
}) {
  return (
    <main className="mx-auto max-w-xl px-4 py-12">
      <div className="rounded-lg border border-line bg-white p-6" role="status">
        <h1 className="text-lg font-semibold">{title}</h1>
        <p className="mt-2">{message}</p>
        <Link
          href={back.href}
          className="mt-4 inline-flex items-center gap-1 text-sm text-brand-700 underline underline-offset-4"
        >
          <ArrowLeft className="size-4" aria-hidden /> {back.label}
        </Link>
      </div>
    </main>
  );
}
