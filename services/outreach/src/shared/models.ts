// Creates every mongoose model of the outreach service on a connection, with its collections and indexes in place.
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
  banks: Model<BankView>;
  liaisons: Model<LiaisonView>;
  sessions: Model<SessionDoc>;
  books: Model<BookDoc>;
  registrations: Model<RegistrationDoc>;
  opinions: Model<OpinionDoc>;
}

/** Every model of the service. Their collections and indexes are made in the background: see `collectionsReady`. */
export function createModels(conn: Connection): Models {
  return {
    banks: bankViewModel(conn),
    liaisons: liaisonViewModel(conn),
    sessions: sessionModel(conn),
    books: bookModel(conn),
    registrations: registrationModel(conn),
    opinions: opinionModel(conn),
  };
}

/**
 * Resolves once every collection (and, where autoIndex is on, every index) exists. Not awaited
 * before listening: after a crash it may queue behind the dead process's writes. Requests wait for
 * it (app.ts) — "one registration per mobile per session" is a unique index, a rule — and /readyz
 * lists it until then (service.ts).
 */
export async function collectionsReady(models: Models): Promise<void> {
  await Promise.all(Object.values(models).map((model: Model<unknown>) => model.init()));
}
