// The opinion aggregate (社情民意): raised at a session, followed up to resolution, with its outbox.
import type { OpinionCategory, OpinionStatus } from '@lianxin/contracts';
import { outboxPlugin, type OutboxFields } from '@lianxin/platform/messaging';
import { Schema, type Connection, type Model } from 'mongoose';

export interface OpinionDoc extends OutboxFields {
  _id: string;
  sessionId: string;
  category: OpinionCategory;
  text: string;
  raisedBy: string;
  recordedBy: string;
  ownerId: string;
  dueAt: Date;
  status: OpinionStatus;
  resolutionNote: string | null;
  resolvedAt: Date | null;
  raisedAt: Date;
}

export function opinionModel(conn: Connection): Model<OpinionDoc> {
  const schema = new Schema<OpinionDoc>(
    {
      _id: { type: String, required: true },
      sessionId: { type: String, required: true },
      category: String,
      text: String,
      raisedBy: String,
      recordedBy: String,
      ownerId: String,
      dueAt: Date,
      status: String,
      resolutionNote: { type: String, default: null },
      resolvedAt: { type: Date, default: null },
      raisedAt: Date,
    },
    { versionKey: false },
  );
  schema.plugin(outboxPlugin);
  // serves GET /opinions?status=…&overdue=true (status with due date) and the summary by status
  schema.index({ status: 1, dueAt: 1 });
  // serves GET /opinions?sessionId=… and the session summary
  schema.index({ sessionId: 1, raisedAt: 1 });
  // serves GET /opinions?ownerId=…
  schema.index({ ownerId: 1, dueAt: 1 });
  return (
    (conn.models.Opinion as Model<OpinionDoc> | undefined) ??
    conn.model<OpinionDoc>('Opinion', schema, 'opinions')
  );
}
