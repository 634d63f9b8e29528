import { isErrorLike, safeErrorLine } from '@/lib/safe-error';

const g = globalThis as { __rollcallSafeConsole?: boolean };

/**
 * Next prints every uncaught request error with console.error, message and all, before it calls
 * onRequestError, and has no setting to stop it: a failed query's message holds its parameters.
 * In the server process, errors handed to the console are written as their class and codes only
 * (the onRequestError line has the rest); other arguments pass through.
 */
export function installSafeConsole(): void {
  if (g.__rollcallSafeConsole) return;
  g.__rollcallSafeConsole = true;
  for (const level of ['error', 'warn', 'log', 'info'] as const) {
    const write = console[level].bind(console);
    console[level] = (...args: unknown[]) => write(...args.map((a) => (isErrorLike(a) ? safeErrorLine(a) : a)));
  }
}
