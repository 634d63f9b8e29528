import { telHref } from './types';

/** A phone number as people write them: "+44 161 555 0190", "(503) 555-0142", "020 7946 0000". */
const PHONE = /\+?\(?\d[\d\s().-]{5,}\d/g;

/** Text the clinic wrote, with every phone number in it a tap-to-call link. Rendered as text: nothing in it is markup. */
export function TextWithPhoneLinks({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(PHONE)) {
    const at = match.index;
    if (at > last) parts.push(text.slice(last, at));
    parts.push(
      <a key={at} href={telHref(match[0])} className="font-medium text-brand-800 underline underline-offset-2">
        {match[0]}
      </a>,
    );
    last = at + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}
