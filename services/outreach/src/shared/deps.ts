// What every use case needs: the models, the relay's wake-up, the clock, the signing secret and the topic names.
import type { Logger } from 'pino';
import type { Models } from './models.ts';

export interface Topics {
  banks: string;
  sessions: string;
  registrations: string;
}

export interface Deps {
  models: Models;
  /** Call after a write that appended outbox events. */
  wake: () => void;
  now: () => Date;
  checkInSecret: string;
  log: Logger;
}
