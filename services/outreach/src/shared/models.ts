// Every mongoose model of the service, built once on a connection.
import type { Connection, Model } from 'mongoose';
import {
  bankViewModel,
  liaisonViewModel,
  type BankView,
  type LiaisonView,
} from '../banks/bank-view.model.ts';
import { opinionModel, type OpinionDoc } from '../opinions/opinion.model.ts';
import { registrationModel, type RegistrationDoc } from '../registrations/registration.model.ts';
import { bookModel, type BookDoc } from '../sessions/booking.model.ts';
import { sessionModel, type SessionDoc } from '../sessions/session.model.ts';

export interface Models {
  conn: Connection;
  banks: Model<BankView>;
  liaisons: Model<LiaisonView>;
  sessions: Model<SessionDoc>;
  books: Model<BookDoc>;
  registrations: Model<RegistrationDoc>;
  opinions: Model<OpinionDoc>;
}

/** The models, with their collections and indexes in place (what tests and scripts use). */
export async function createModels(conn: Connection): Promise<Models> {
  const models = buildModels(conn);
  await initModels(models);
  return models;
}

export function buildModels(conn: Connection): Models {
  return {
    conn,
    banks: bankViewModel(conn),
    liaisons: liaisonViewModel(conn),
    sessions: sessionModel(conn),
    books: bookModel(conn),
    registrations: registrationModel(conn),
    opinions: opinionModel(conn),
  };
}

/**
 * Collections and indexes exist before the first request is served (the unique index is a rule,
 * not an optimisation). After a crash this may wait behind the dead process's queued writes, so
 * main.ts runs it after listen and holds requests until it is done.
 */
export async function initModels(models: Models): Promise<void> {
  await Promise.all([
    models.banks.init(),
    models.liaisons.init(),
    models.sessions.init(),
    models.books.init(),
    models.registrations.init(),
    models.opinions.init(),
  ]);
}
