// The envelope every event travels in on Kafka: who, what, which aggregate, which version of it, when.
import { z } from 'zod';
import { Instant, Uuid } from './values.ts';

/** `<aggregate>.<past_tense_verb>`, e.g. `session.scheduled`, `attendance.checked_in`. */
export const EventTypeName = z.string().regex(/^[a-z]+(?:_[a-z]+)*\.[a-z]+(?:_[a-z]+)*$/, {
  error: 'Expected <aggregate>.<verb> in snake_case',
});

/** The producing service, e.g. `outreach`. */
export const ServiceName = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, {
  error: 'Expected a lower-case service name',
});

const envelopeFields = {
  /** Unique per event; consumers key side effects (emails) by it. */
  id: Uuid,
  type: EventTypeName,
  source: ServiceName,
  /** The aggregate the event belongs to (its id). */
  subject: z.string().min(1).max(200),
  /**
   * The aggregate's version after this event: 1, 2, 3…. Projections apply an event only when
   * its sequence is higher than the one they hold; they compare, never assume there are no gaps.
   */
  sequence: z.int().positive(),
  /** When the change happened, normalised to UTC. */
  time: Instant,
  /** Raised only for a breaking change of `data`; additive fields keep the version. */
  schemaVersion: z.int().positive().default(1),
};

/**
 * The envelope around one kind of data. Unknown envelope and data fields are stripped, not
 * refused, so a producer can add a field before every consumer has upgraded.
 */
export function Envelope<D extends z.ZodType>(data: D) {
  return z.object({ ...envelopeFields, data });
}

/** What a consumer parses first, before it knows which data schema to apply. */
export const AnyEnvelope = Envelope(z.unknown());
export type AnyEnvelope = z.infer<typeof AnyEnvelope>;

/** An envelope whose data has been validated as `D`. */
export type Envelope<D = unknown> = Omit<AnyEnvelope, 'data'> & { data: D };
