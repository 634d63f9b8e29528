import { Phone } from 'lucide-react';
import Link from 'next/link';
import { telHref } from './types';

/**
 * The one page for unknown, expired and revoked links alike. When the phone still holds a link
 * that works (a mistyped or old link was opened), it leads back to the plan.
 */
export function InactiveLink({
  clinic,
  hasPlan,
}: {
  clinic: { name: string; phone: string | null } | null;
  hasPlan: boolean;
}) {
  return (
    <section
      className="mt-10 rounded-xl border border-line bg-white p-6 text-center"
      aria-labelledby="inactive-heading"
    >
      <h1 id="inactive-heading" className="text-2xl font-semibold">
        This link is no longer active
      </h1>
      {hasPlan ? (
        <>
          <p className="mt-3 text-base text-muted">The plan this phone already has still works.</p>
          <Link
            href="/p"
            className="mt-5 inline-flex min-h-12 items-center justify-center rounded-md bg-brand-700 px-6 py-2 text-base font-semibold text-white hover:bg-brand-800"
          >
            Open my plan
          </Link>
        </>
      ) : (
        <p className="mt-3 text-base text-muted">Please contact your clinic for a new one.</p>
      )}
      {clinic ? (
        <p className="mt-5 text-base">
          <span className="block font-medium">{clinic.name}</span>
          {clinic.phone ? (
            <a
              href={telHref(clinic.phone)}
              className="mt-2 inline-flex items-center gap-2 text-lg font-semibold text-brand-700 underline underline-offset-4"
            >
              <Phone className="size-5" aria-hidden /> {clinic.phone}
            </a>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
