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

export async function createModels(conn: Connection): Promise<Models> {
  const models: Models = {
    conn,
    banks: bankViewModel(conn),
    liaisons: liaisonViewModel(conn),
    sessions: sessionModel(conn),
    books: bookModel(conn),
    registrations: registrationModel(conn),
    opinions: opinionModel(conn),
  };
  // Collections and indexes exist before the first request (the unique index is a rule, not an optimisation).
  await Promise.all([
    models.banks.init(),
    models.liaisons.init(),
    models.sessions.init(),
    models.books.init(),
    models.registrations.init(),
    models.opinions.init(),
  ]);
  return models;
}
