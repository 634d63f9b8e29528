import Link from 'next/link';

/** Not found inside the practitioner's screens: the app shell's <main> stays the page's one main. */
export default function NotFound() {
  return (
    <section className="mx-auto flex min-h-[60dvh] max-w-md flex-col justify-center px-6 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-muted">It may have moved, or you may not have access to it.</p>
      <Link href="/dashboard" className="mt-6 text-brand-700 underline underline-offset-4">
        Back to the dashboard
      </Link>
    </section>
  );
}
