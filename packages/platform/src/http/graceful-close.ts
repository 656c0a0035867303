// Makes app.close() finish promptly behind keep-alive clients: in-flight requests complete, new ones get 503 SHUTTING_DOWN.
import type { FastifyInstance } from 'fastify';
import { shuttingDown } from '../errors/app-error.ts';

const SWEEP_INTERVAL_MS = 100;

/**
 * Fastify's `close()` stops accepting connections and reaps the sockets that are idle at
 * that instant. A keep-alive socket whose request is still in flight becomes idle only after
 * its response, and then stays open until the keep-alive timeout (72 s by default), holding
 * `close()` — and the process — hostage; gateways and `fetch` keep sockets alive by default.
 * So once closing starts, every response says `Connection: close`, and idle sockets are swept
 * until the server has closed. A request that still arrives on such a socket is refused with
 * our 503 `SHUTTING_DOWN` body (Fastify's `return503OnClosing` would send its own shape).
 */
export function registerGracefulClose(app: FastifyInstance): void {
  let closing = false;

  app.addHook('preClose', (done) => {
    closing = true;
    if (app.server.listening) {
      const sweeper = setInterval(() => {
        app.server.closeIdleConnections();
      }, SWEEP_INTERVAL_MS);
      sweeper.unref();
      app.server.once('close', () => {
        clearInterval(sweeper);
      });
    }
    done();
  });

  app.addHook('onRequest', (_request, _reply, done) => {
    done(closing ? shuttingDown() : undefined);
  });

  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing && !reply.raw.headersSent) reply.header('connection', 'close');
    done(null, payload);
  });
}
