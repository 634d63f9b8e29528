// The production HTTP server: Next's request handler behind a plain Node server, so that the
// caller's address comes from the TCP connection (lib/http/client-address.ts) rather than from a
// header any client can write. `next start` keeps an X-Forwarded-For it receives; this does not.
// Run by scripts/start.ts (one process, or each worker of a cluster); not meant to be run alone.
import http from 'node:http';
import next from 'next';
import { closeDb } from '@/db/client';
import { parseEnv } from '@/db/env';
import { addressFromHops } from '@/lib/http/client-address';
import { markStopping } from '@/lib/http/shutdown';

const config = parseEnv(process.env);
const trustedProxies = config.TRUST_PROXY;
const FORWARDING = [
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
  'forwarded',
];

const app = next({ dev: false, dir: process.cwd(), port: config.PORT, hostname: 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();
// In production Next prepares its server, and so runs instrumentation.ts's register() (migrate,
// or print why not and exit 1), on the first request, after we listen: a database that cannot be
// upgraded would have the port open for a moment. Prepare it now, before listening.
type Prepared = { server?: { getServer?: () => Promise<{ prepare?: () => Promise<void> }> } };
await (await (app as unknown as Prepared).server?.getServer?.())?.prepare?.();

// Set on SIGTERM (below): from then on a request arriving on a connection still open is refused
// (the phone's queue retries it later) and every connection closes after its answer.
let stopping = false;
const inFlight = new Set<http.ServerResponse>();

function refuseWhileStopping(res: http.ServerResponse) {
  res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '5', Connection: 'close' });
  res.end(JSON.stringify({ error: 'The server is restarting. Try again in a moment.' }));
}

const server = http.createServer((req, res) => {
  if (stopping) return refuseWhileStopping(res);
  inFlight.add(res);
  res.once('close', () => inFlight.delete(res));
  const forwardedFor = req.headers['x-forwarded-for'];
  const address = addressFromHops(
    req.socket.remoteAddress,
    Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor,
    trustedProxies,
  );
  // With no proxy we trust, every forwarding header is the client's invention: Next then fills
  // host, protocol and port from the connection itself.
  if (trustedProxies === 0) for (const name of FORWARDING) delete req.headers[name];
  req.headers['x-forwarded-for'] = address;
  void handle(req, res);
});
// As `next start`: idle keep-alive connections stay open a little longer than a load balancer's.
server.keepAliveTimeout = 65_000;

server.listen(config.PORT, () => {
  console.log(`RollCall is listening on http://localhost:${config.PORT}`);
});

// SIGTERM or SIGINT: stop taking connections, let the requests in flight finish (up to 10 s),
// close the database (PGlite writes its folder out; the pool ends its connections) and exit 0.
// Requests still running at the deadline are cut off: then the exit code is 1. A second signal
// exits at once.
const DEADLINE_MS = 10_000;

async function closeAndExit(code: number) {
  try {
    await closeDb();
  } catch (error) {
    console.error(`Closing the database failed: ${error instanceof Error ? error.message : String(error)}`);
    code = 1;
  }
  process.exit(code);
}

function stop() {
  if (stopping) process.exit(1);
  stopping = true;
  // Readiness (/api/health) answers 503 from here on, to requests on connections still open.
  markStopping();
  for (const res of inFlight) {
    if (!res.headersSent) res.setHeader('Connection', 'close');
    else {
      // Node detaches the socket from the response before our 'finish' listener runs, so keep it
      // now: ending `res.socket` there ended nothing, and the keep-alive connection held the
      // server open until the deadline (exit 1) whenever a response was mid-body at the signal.
      const socket = res.socket;
      res.once('finish', () => socket?.end());
    }
  }
  server.close(() => void closeAndExit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    console.error(`Requests were still running ${DEADLINE_MS / 1000} s after the signal: cut off.`);
    void closeAndExit(1);
  }, DEADLINE_MS).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
