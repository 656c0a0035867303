// runService: what a main.ts calls to listen and to close everything cleanly on SIGTERM/SIGINT.
import closeWithGrace from 'close-with-grace';
import type { FastifyBaseLogger } from 'fastify';

/** The part of a Fastify instance runService needs. */
export interface Listenable {
  listen(options: { port: number; host: string }): Promise<string>;
  close(): PromiseLike<unknown>;
}

export type CloseHook = () => unknown;

export interface RunServiceOptions {
  app: Listenable;
  port: number;
  host: string;
  logger: FastifyBaseLogger;
  /**
   * What else to close, in start-up order (database, relay, consumers…). On shutdown the app
   * closes first — in-flight requests finish — then these run in reverse order, so a consumer
   * stops before the connection it writes through.
   */
  onClose?: readonly CloseHook[];
  /** After this long the process exits with code 1 even if closing hangs. Default 10 s. */
  closeDelayMs?: number;
}

export interface RunningService {
  address: string;
  /** Closes like a signal would, without exiting the process (tests, embedding). */
  close(): Promise<void>;
}

export async function runService(options: RunServiceOptions): Promise<RunningService> {
  const { app, logger } = options;
  const hooks = [...(options.onClose ?? [])].reverse();

  let closing: Promise<void> | undefined;
  const closeAll = (): Promise<void> => {
    closing ??= (async () => {
      await app.close();
      for (const hook of hooks) {
        try {
          await hook();
        } catch (error) {
          // Keep closing the rest: one stuck resource must not keep the others open.
          logger.error({ err: error }, 'close hook failed');
        }
      }
    })();
    return closing;
  };

  const grace = closeWithGrace(
    {
      delay: options.closeDelayMs ?? 10_000,
      logger: {
        error: (message: unknown) => {
          if (message instanceof Error) logger.error({ err: message }, 'error while closing');
          else logger.error(String(message));
        },
      },
    },
    async ({ signal, err }) => {
      if (err !== undefined) logger.fatal({ err }, 'fatal error, closing');
      else logger.info({ signal }, 'closing');
      await closeAll();
    },
  );

  try {
    const address = await app.listen({ port: options.port, host: options.host });
    logger.info({ address }, 'listening');
    return {
      address,
      close: async () => {
        grace.uninstall();
        await closeAll();
      },
    };
  } catch (error) {
    grace.uninstall();
    await closeAll();
    throw error;
  }
}
