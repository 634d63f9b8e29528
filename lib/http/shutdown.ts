// Whether this process has begun to shut down. scripts/server.ts sets it on SIGTERM (before it
// stops taking connections); the health route then answers 503 so a load balancer sends no more.
// Kept on globalThis: the server script and the route run in one process but load this module
// separately (tsx and Next's bundle).
const g = globalThis as { __rollcallStopping?: boolean };

export function markStopping(): void {
  g.__rollcallStopping = true;
}

export function isStopping(): boolean {
  return g.__rollcallStopping === true;
}
