import { Phone } from 'lucide-react';

/** The one page for unknown, expired and revoked links alike. */
export function InactiveLink({ clinic }: { clinic: { name: string; phone: string | null } | null }) {
  return (
    <section
      className="mt-10 rounded-xl border border-line bg-white p-6 text-center"
      aria-labelledby="inactive-heading"
    >
      <h1 id="inactive-heading" className="text-2xl font-semibold">
        This link is no longer active
      </h1>
      <p className="mt-3 text-base text-muted">Please contact your clinic for a new one.</p>
      {clinic ? (
        <p className="mt-5 text-base">
          <span className="block font-medium">{clinic.name}</span>
          {clinic.phone ? (
            <a
              href={`tel:${clinic.phone.replace(/[^0-9+]/g, '')}`}
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
