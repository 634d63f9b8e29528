import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-6 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-muted">It may have moved, or you may not have access to it.</p>
      <Link href="/dashboard" className="mt-6 text-brand-700 underline underline-offset-4">
        Back to the dashboard
      </Link>
    </main>
  );
}
