// Next calls register() once per server start, before the first request is served.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { prepareServerOrExit } = await import('@/scripts/server-start');
  await prepareServerOrExit();
}
