'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTransition } from 'react';

/** A change to the query string: a value sets the key, null removes it. */
export type UrlChanges = Record<string, string | number | null>;

/**
 * The address with some of its query changed. Everything else stays (filters, scope, the other
 * table state), so a link or a sort never loses what the person chose elsewhere on the page.
 */
export function hrefWith(pathname: string, current: URLSearchParams, changes: UrlChanges): string {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) next.delete(key);
    else next.set(key, String(value));
  }
  const query = next.toString();
  return query ? `${pathname}?${query}` : pathname;
}

/**
 * A server-paged table's state lives in the URL: links for what can be a link, router pushes
 * (in a transition, so the table can show it is waiting) for the rest.
 */
export function useUrlState() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const href = (changes: UrlChanges) => hrefWith(pathname, params, changes);
  const push = (changes: UrlChanges) => startTransition(() => router.push(href(changes)));
  return { href, push, pending };
}
