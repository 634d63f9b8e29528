/** The placeholder a slow practitioner page shows while it loads: announced once, no layout jump. */
export function PageLoading() {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">Loading…</span>
      <div className="h-8 w-56 animate-pulse rounded bg-line/60" />
      <div className="h-4 w-96 max-w-full animate-pulse rounded bg-line/50" />
      <div className="h-40 animate-pulse rounded-lg bg-line/40" />
    </div>
  );
}
