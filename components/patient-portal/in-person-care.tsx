import { CheckCircle2, MapPin, Phone } from 'lucide-react';
import { telHref } from './types';

export type InPersonCareEntry = {
  referralId: string | null;
  name: string;
  /** In words, e.g. "Physician", or "Your clinic". */
  role: string;
  organisation: string | null;
  address: string | null;
  phone: string | null;
  website: string | null;
  openingHours: string | null;
  canRequest: boolean;
  requested: boolean;
};

const mapHref = (address: string) => `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(address)}`;

/** Who the patient can see in person: the providers they were referred to, and always their clinic. No client JS. */
export function InPersonCare({ entries, justAsked }: { entries: InPersonCareEntry[]; justAsked: boolean }) {
  return (
    <section
      id="in-person-care"
      aria-labelledby="in-person-care-heading"
      className="scroll-mt-4 rounded-xl border border-line bg-white p-4 text-base wrap-anywhere"
    >
      <h2 id="in-person-care-heading" className="text-xl font-semibold">
        In-person care
      </h2>
      {justAsked ? (
        <p role="status" className="mt-2 flex items-start gap-2 rounded-md bg-green-50 p-2 text-success">
          <CheckCircle2 className="mt-0.5 size-5 shrink-0" aria-hidden />
          Your clinic has been told you would like an appointment. They will be in touch.
        </p>
      ) : null}
      <ul className="mt-3 space-y-4">
        {entries.map((e) => (
          <li key={e.referralId ?? 'clinic'} className="space-y-2 border-t border-line pt-3 first:border-0 first:pt-0">
            <div>
              <p className="font-semibold">{e.name}</p>
              <p className="text-sm text-muted">
                {e.role}
                {e.organisation ? ` · ${e.organisation}` : ''}
              </p>
            </div>
            {e.openingHours ? <p className="text-sm">Open: {e.openingHours}</p> : null}
            <div className="flex flex-wrap gap-2">
              {e.phone ? (
                <a
                  href={telHref(e.phone)}
                  className="inline-flex min-h-12 items-center gap-2 rounded-md border border-line px-3 font-medium text-brand-800 hover:bg-brand-50"
                >
                  <Phone className="size-5 shrink-0" aria-hidden />
                  Call {e.phone}
                </a>
              ) : null}
              {e.address ? (
                <a
                  href={mapHref(e.address)}
                  className="inline-flex min-h-12 items-center gap-2 rounded-md border border-line px-3 font-medium text-brand-800 hover:bg-brand-50"
                >
                  <MapPin className="size-5 shrink-0" aria-hidden />
                  <span>
                    Map<span className="sr-only"> of {e.address}</span>
                  </span>
                </a>
              ) : null}
            </div>
            {e.address ? <p className="text-sm">{e.address}</p> : null}
            {e.canRequest ? (
              <form method="post" action="/p/appointment">
                <input type="hidden" name="referralId" value={e.referralId ?? ''} />
                <button
                  type="submit"
                  className="min-h-12 w-full rounded-md bg-brand-600 px-4 font-medium text-white hover:bg-brand-700"
                >
                  I’d like an appointment
                </button>
              </form>
            ) : e.requested ? (
              <p className="text-sm font-medium text-success">You asked for an appointment.</p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
