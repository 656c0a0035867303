// Creates every mongoose model of the banks service on a connection.
import type { Connection, Model } from 'mongoose';
import { bankModel, type BankDoc } from '../banks/bank.model.ts';
import {
  contactReservationModel,
  type ContactReservation,
} from '../liaisons/contact-reservation.model.ts';

export interface Models {
  banks: Model<BankDoc>;
  reservations: Model<ContactReservation>;
}

export function createModels(conn: Connection): Models {
  return { banks: bankModel(conn), reservations: contactReservationModel(conn) };
}
