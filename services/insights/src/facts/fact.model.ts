// The fact collections: schemaless-enough mongoose models over one document per aggregate, written by the projection.
import { Schema, type Connection, type Model } from 'mongoose';

/** Collection names; `pnpm insights rebuild` drops exactly these. */
export const FACT_COLLECTIONS = {
  banks: 'bank_facts',
  sessions: 'session_facts',
  registrations: 'registration_facts',
  opinions: 'opinion_facts',
  bulletins: 'bulletin_facts',
} as const;

// No secondary index: every view reads each collection whole (a county campaign has thousands of
// facts, not millions) and the projection writes by `_id` only, the one filter FerretDB pushes
// down everywhere (ADR 012). `strict: false` because the projection writes through the driver.
function factSchema(): Schema {
  return new Schema(
    { _id: { type: String, required: true }, sequence: Number },
    { strict: false, versionKey: false },
  );
}

/** The common shape; the repository reads and writes the typed documents through the driver. */
export interface FactDoc {
  _id: string;
  sequence: number;
}
export type FactKind = keyof typeof FACT_COLLECTIONS;
export type FactModels = Record<FactKind, Model<FactDoc>>;

export function factModels(conn: Connection): FactModels {
  const make = (kind: FactKind): Model<FactDoc> =>
    conn.model<FactDoc>(`${kind}Fact`, factSchema(), FACT_COLLECTIONS[kind]);
  return {
    banks: make('banks'),
    sessions: make('sessions'),
    registrations: make('registrations'),
    opinions: make('opinions'),
    bulletins: make('bulletins'),
  };
}
