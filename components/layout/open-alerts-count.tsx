/**
 * The open-alert count beside the sidebar's "Alerts": a visible badge for the eye and words for a
 * screen reader, so the link reads "Alerts, 3 open". Nothing at all when none are open.
 */
export function OpenAlertsCount({ count }: { count: number }) {
  if (count <= 0) return null;
  const shown = count > 99 ? '99+' : String(count);
  return (
    <>
      <span className="sr-only">, {count} open</span>
      <span
        aria-hidden
        data-testid="open-alerts-count"
        className="ml-auto inline-flex min-w-5 items-center justify-center rounded-full bg-danger px-1.5 text-xs font-semibold text-white"
      >
        {shown}
      </span>
    </>
  );
}
