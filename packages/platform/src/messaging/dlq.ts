// Dead letters: where a consumer group puts what it could not process, and how they are read and replayed.
import { dlqTopic } from '@lianxin/contracts';
import type { IHeaders } from 'kafkajs';

/** `<topic>.dlq.<group>` (the catalog's rule: group names have no dots). */
export const dlqTopicOf = dlqTopic;

export interface DlqInfo {
  topic: string;
  partition: number;
  offset: string;
  group: string;
  kind: 'validation' | 'handler';
  reason: string;
  attempts: number;
}

const PREFIX = 'dlq-';

export function dlqHeaders(info: DlqInfo): IHeaders {
  return {
    [`${PREFIX}topic`]: info.topic,
    [`${PREFIX}partition`]: String(info.partition),
    [`${PREFIX}offset`]: info.offset,
    [`${PREFIX}group`]: info.group,
    [`${PREFIX}kind`]: info.kind,
    [`${PREFIX}reason`]: info.reason.slice(0, 2000),
    [`${PREFIX}attempts`]: String(info.attempts),
    [`${PREFIX}at`]: new Date().toISOString(),
  };
}

export function headerString(headers: IHeaders | undefined, name: string): string | undefined {
  const v = headers?.[name];
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v.map(String).join(',') : v.toString();
}

/** The headers the message had before it was dead-lettered. */
export function originalHeaders(headers: IHeaders | undefined): IHeaders {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([k]) => !k.startsWith(PREFIX)));
}
