// Events of bulletins through the outbox and the real broker: one published per publication, one retracted per retraction.
import { parseEvent, Topics } from '@lianxin/contracts';
import { readTopic, serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { contentService } from '../service.ts';
import { bulletinAt, castOf } from '../test-support/workflow.ts';

const h = await serviceHarness(import.meta.url, contentService, { components: false });
const cast = castOf(h);

async function eventsOf(subject: string, atLeast: number, settleMs = 0) {
  const read = async (timeoutMs: number, until: (n: number) => boolean) =>
    (
      await readTopic(h.env.kafkaBrokers, h.topic(Topics.bulletins), {
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

describe('bulletin events', () => {
  it('when a bulletin is published, republished and retracted, then the topic holds exactly one event each, in sequence', async () => {
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
    expect(events.map((e) => [e.type, e.sequence, e.source])).toEqual([
      ['bulletin.published', 1, 'content'],
      ['bulletin.published', 2, 'content'],
      ['bulletin.retracted', 3, 'content'],
    ]);
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

  it('when a bulletin is only drafted, submitted and rejected, then nothing leaves the service', async () => {
    const b = await bulletinAt(cast, 'in_review');
    await cast.reviewer('POST', `/bulletins/${b.id}/reject`, { comment: '补充案情' });
    const marker = await bulletinAt(cast, 'published');
    // Once a later publication has arrived, the earlier drafts would have too.
    await eventsOf(marker.id, 1);
    expect(await eventsOf(b.id, 0, 1_000)).toEqual([]);
  });
});
