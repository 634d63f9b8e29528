import Link from 'next/link';

export default function Forbidden() {
  return (
    <section className="mx-auto flex min-h-[60dvh] max-w-md flex-col justify-center px-6 text-center">
      <h1 className="text-2xl font-semibold">Only clinic admins can open this page</h1>
      <p className="mt-2 text-muted">Ask an admin of your clinic if you need a change made here.</p>
      <Link href="/dashboard" className="mt-6 text-brand-700 underline underline-offset-4">
        Back to the dashboard
      </Link>
    </section>
  );
}
