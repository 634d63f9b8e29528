import { Phone } from 'lucide-react';
import { cn } from '@/lib/utils';
import { type ClinicContact, telHref } from './types';

const TONES = {
  plain: 'border border-line bg-white text-brand-800 hover:bg-brand-50',
  urgent: 'bg-danger text-base text-white hover:bg-red-800',
};

/** A thumb-sized tap-to-call button for the patient's clinic; red where a red flag was reported. */
export function CallClinicLink({
  clinic,
  phone,
  tone,
}: {
  clinic: ClinicContact;
  phone: string;
  tone: keyof typeof TONES;
}) {
  return (
    <a
      href={telHref(phone)}
      className={cn(
        'flex min-h-12 w-full items-center justify-center gap-2 rounded-md px-4 py-2 text-center font-semibold',
        TONES[tone],
      )}
    >
      <Phone className="size-5 shrink-0" aria-hidden />
      <span>
        Call {clinic.name}: {phone}
      </span>
    </a>
  );
}

/** The emergency number as the biggest, reddest button on the screen: the first thing to do with chest pain. */
export function CallEmergencyLink({ number }: { number: string }) {
  return (
    <a
      href={telHref(number)}
      className="flex min-h-14 w-full items-center justify-center gap-2 rounded-md bg-danger px-4 py-2 text-center text-lg font-bold text-white hover:bg-red-800"
    >
      <Phone className="size-6 shrink-0" aria-hidden />
      <span>Call {number} (emergency)</span>
    </a>
  );
}
