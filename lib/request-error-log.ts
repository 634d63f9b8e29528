import 'server-only';
import type { Instrumentation } from 'next';
import { logger } from '@/lib/logger';

/**
 * Every error no page, action or route handler caught, logged once (from instrumentation.ts's
 * onRequestError): the digest the user's error page shows, the route's pattern and the method,
 * and the error by class and codes. Never the path as requested (a /p/<token> link, a ?q= search
 * for a patient's name), the headers, or the error's message (lib/safe-error.ts).
 */
export const logRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const digest = typeof error === 'object' && error !== null ? (error as { digest?: unknown }).digest : undefined;
  logger.error(
    {
      event: 'request_failed',
      digest: typeof digest === 'string' ? digest : undefined,
      method: request.method,
      route: context.routePath,
      routeType: context.routeType,
      renderSource: context.renderSource,
      err: error,
    },
    'request failed',
  );
};
