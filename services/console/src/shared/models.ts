// Creates every mongoose model of the console on a connection.
import type { Connection, Model } from 'mongoose';
import {
  accountEmailModel,
  accountModel,
  type AccountDoc,
  type AccountEmailDoc,
} from '../accounts/account.model.ts';
import { sessionModel, type SessionDoc } from '../auth/session.model.ts';

export interface Models {
  accounts: Model<AccountDoc>;
  accountEmails: Model<AccountEmailDoc>;
  sessions: Model<SessionDoc>;
}

export function createModels(conn: Connection): Models {
  return {
    accounts: accountModel(conn),
    accountEmails: accountEmailModel(conn),
    sessions: sessionModel(conn),
  };
}
