// Creates every mongoose model of the insights service on a connection.
import type { Connection } from 'mongoose';
import { factModels, type FactModels } from '../facts/fact.model.ts';

export type Models = FactModels;

export function createModels(conn: Connection): Models {
  return factModels(conn);
}
