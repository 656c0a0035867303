// Publishes the demo's account events as the console would, so `pnpm start` shows activation emails and the digest.
import { createHash } from 'node:crypto';
import type { Envelope } from '@lianxin/contracts';
import { encodeEnvelope, EVENT_PRODUCER } from '@lianxin/platform/messaging';
import type { Kafka } from 'kafkajs';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';

const LINK_LIFETIME_MS = 72 * 3_600_000;

/** A fixed uuid per name: publishing the demo again re-sends the same events, which the notifier skips. */
function fixedUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function loadDemo(
  kafka: Kafka,
  /** The accounts topic as this process names it. */
  accountsTopic: string,
): Promise<{ published: number }> {
  const producer = kafka.producer(EVENT_PRODUCER);
  await producer.connect();
  try {
    const today = new Date().toISOString().slice(0, 10);
    const messages = DEMO_ACCOUNTS.map((account) => {
      const envelope: Envelope = {
        // One activation per account per day of demo: a restart the same day sends nothing new.
        id: fixedUuid(`demo-activation:${account.accountId}:${today}`),
        type: 'account.activation_requested',
        source: 'console',
        subject: account.accountId,
        sequence: 1,
        time: new Date().toISOString(),
        schemaVersion: 1,
        data: {
          ...account,
          link: {
            url: `http://127.0.0.1:4100/activate/demo-${account.accountId}`,
            expiresAt: new Date(Date.now() + LINK_LIFETIME_MS).toISOString(),
          },
        },
      };
      return encodeEnvelope(envelope, account.accountId);
    });
    await producer.send({ topic: accountsTopic, acks: -1, messages });
    return { published: messages.length };
  } finally {
    await producer.disconnect();
  }
}
