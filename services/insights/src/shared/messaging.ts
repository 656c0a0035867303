// What the insights service consumes: the four fact topics, from the beginning. It publishes nothing.
import { Topics } from '@lianxin/contracts';

/** Everything the coverage views are computed from. */
export const TOPICS = [
  Topics.banks,
  Topics.sessions,
  Topics.registrations,
  Topics.bulletins,
] as const;
