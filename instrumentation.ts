import type { Instrumentation } from 'next';

// Next calls register() once per server start, before the first request is served.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { installSafeConsole } = await import('@/lib/safe-console');
  installSafeConsole();
  const { prepareServerOrExit } = await import('@/scripts/server-start');
  await prepareServerOrExit();
}

// The one place an uncaught error of a page, server action or route handler is logged.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logRequestError } = await import('@/lib/request-error-log');
  logRequestError(error, request, context);
};
