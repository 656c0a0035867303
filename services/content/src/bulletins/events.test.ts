// Events of bulletins through the outbox and the real broker: one published per publication, one retracted per retraction.
import { Envelope, parseEvent, Topics } from '@lianxin/contracts';
import { readTopic, serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { contentService } from '../service.ts';
import { BULLETIN_CHANGES } from '../shared/messaging.ts';
import { BulletinChanged } from './bulletin.events.ts';
import { bulletinAt, castOf } from '../test-support/workflow.ts';

const h = await serviceHarness(import.meta.url, contentService, { components: false });
const cast = castOf(h);

async function eventsOf(subject: string, atLeast: number, settleMs = 0, topic = Topics.bulletins) {
  const read = async (timeoutMs: number, until: (n: number) => boolean) =>
    (
      await readTopic(h.env.kafkaBrokers, h.topic(topic), {
        timeoutMs,
        until: (msgs) => until(msgs.filter((m) => m.key === subject).length),
      })
    )
      .filter((m) => m.key === subject)
      .map((m) => {
        const parsed = parseEvent(JSON.parse(m.value ?? 'null'));
        if (!parsed.ok) throw new Error(parsed.error.message);
        return parsed.event;
      });
  const first = await read(30_000, (n) => n >= atLeast);
  // A second read that waits the full settle time: a duplicate published late would show here.
  return settleMs > 0 ? read(settleMs, () => false) : first;
}

/** Content's own bulletin.changed (not in the contracts: read as a bare envelope). */
async function changesOf(subject: string, atLeast: number) {
  const msgs = await readTopic(h.env.kafkaBrokers, h.topic(BULLETIN_CHANGES), {
    timeoutMs: 30_000,
    until: (all) => all.filter((m) => m.key === subject).length >= atLeast,
  });
  return msgs
    .filter((m) => m.key === subject)
    .map((m) => Envelope(BulletinChanged).parse(JSON.parse(m.value ?? 'null')));
}

describe('bulletin events', () => {
  it('when a bulletin is published, republished and retracted, then lianxin.bulletins.v1 holds exactly one event each, and with content’s bulletin.changed the sequences run 1…n', async () => {
    const b = await bulletinAt(cast, 'published', { title: '事件测试简报' });
    const edited = await cast.author('PATCH', `/bulletins/${b.id}`, {
      expectedRevision: b.revision,
      title: '事件测试简报（修订）',
    });
    expect(edited.statusCode).toBe(200);
    await cast.author('POST', `/bulletins/${b.id}/submit`);
    await cast.reviewer('POST', `/bulletins/${b.id}/approve`);
    await cast.coordinator('POST', `/bulletins/${b.id}/retract`, { reason: '当事人要求撤下' });

    const events = await eventsOf(b.id, 3, 3_000);
    expect(events.map((e) => [e.type, e.source])).toEqual([
      ['bulletin.published', 'content'],
      ['bulletin.published', 'content'],
      ['bulletin.retracted', 'content'],
    ]);
    // Every write also emitted content's own bulletin.changed (ADR 036): create, submit, approve,
    // edit, submit, approve, retract. Together the two topics hold the aggregate's sequences
    // 1…n without a gap or a repeat, and each change names the revision it wrote.
    const changes = await changesOf(b.id, 7);
    expect(changes.map((c) => c.data.revision)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const sequences = [...events, ...changes].map((e) => e.sequence).sort((x, y) => x - y);
    expect(sequences).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(events.map((e) => e.sequence)).toEqual(
      [...events.map((e) => e.sequence)].sort((x, y) => x - y),
    );
    const [first, second, retracted] = events;
    expect(first?.data).toMatchObject({
      id: b.id,
      version: 1,
      title: '事件测试简报',
      fraudType: 'fake_customer_service',
      audiences: ['riders', 'general_public'],
      reviewerId: 'reviewer-one',
    });
    expect(second?.data).toMatchObject({ version: 2, title: '事件测试简报（修订）' });
    expect(retracted?.data).toMatchObject({
      version: 2,
      status: 'retracted',
      retraction: { reason: '当事人要求撤下', retractedBy: 'coordinator-one' },
    });
  });

  it('when a bulletin is only drafted, submitted and rejected, then nothing reaches lianxin.bulletins.v1, only content’s own bulletin.changed', async () => {
    const b = await bulletinAt(cast, 'in_review');
    await cast.reviewer('POST', `/bulletins/${b.id}/reject`, { comment: '补充案情' });
    const marker = await bulletinAt(cast, 'published');
    // Once a later publication has arrived, the earlier drafts would have too.
    await eventsOf(marker.id, 1);
    expect(await eventsOf(b.id, 0, 1_000)).toEqual([]);
    const changes = await changesOf(b.id, 3);
    expect(changes.map((c) => [c.type, c.data])).toEqual(
      [1, 2, 3].map((revision) => ['bulletin.changed', { id: b.id, revision }]),
    );
  });
});
