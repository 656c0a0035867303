// What every use case needs: the stores of each aggregate, the clock, the log and the service's settings.
import type { Logger } from 'pino';
import { RegistrationRepository } from '../registrations/registration.repository.ts';
import { SessionRepository } from '../sessions/session.repository.ts';
import type { Models } from './models.ts';

export interface Topics {
  banks: string;
  sessions: string;
  registrations: string;
}

export interface Settings {
  /** Signs check-in tokens (the QR codes). */
  checkInSecret: string;
  /**
   * How long a `pending` registration belongs to its own request; after that the reconciler settles
   * it (its request died). A request older than a third of it writes its first transition guarded.
   */
  pendingGraceMs: number;
}

export interface Deps {
  /** The models, for the features whose stores are still to come (sessions, opinions, banks). */
  models: Models;
  sessions: SessionRepository;
  registrations: RegistrationRepository;
  /** Call after a write that appended outbox events (stores do it themselves). */
  wake: () => void;
  now: () => Date;
  log: Logger;
  settings: Settings;
  /** Starts the background cancellation of cancelled sessions' registrations now, not at its next tick. */
  kickSessionCancellations: () => void;
}

export interface DepsInput {
  models: Models;
  wake: () => void;
  now?: () => Date;
  log: Logger;
  settings: Settings;
  kickSessionCancellations?: () => void;
}

export function createDeps(input: DepsInput): Deps {
  return {
    models: input.models,
    sessions: new SessionRepository(input.models.sessions, input.wake),
    registrations: new RegistrationRepository(input.models.registrations, input.wake),
    wake: input.wake,
    now: input.now ?? (() => new Date()),
    log: input.log,
    settings: input.settings,
    kickSessionCancellations: input.kickSessionCancellations ?? (() => undefined),
  };
}
