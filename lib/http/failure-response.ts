import type { Failure, FailureCode } from '@/lib/actions/result';

/** The one mapping from a failure to an HTTP status, for every route handler. */
export const HTTP_STATUS: Record<FailureCode, number> = {
  invalid: 400,
  refused: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

/**
 * A failure as a response: JSON `{ error, fieldErrors? }` by default, or the message as plain
 * text for routes a person opens in a browser.
 */
export function failureResponse(
  failure: Failure,
  init: { as?: 'json' | 'text'; headers?: Record<string, string> } = {},
): Response {
  const status = HTTP_STATUS[failure.code];
  if (init.as === 'text') {
    return new Response(failure.message, {
      status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', ...init.headers },
    });
  }
  const body = failure.fieldErrors
    ? { error: failure.message, fieldErrors: failure.fieldErrors }
    : { error: failure.message };
  return Response.json(body, { status, headers: init.headers });
}
