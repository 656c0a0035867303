// Races on one bulletin against the real database: simultaneous approvals, simultaneous edits of one draft.
import { Topics } from '@lianxin/contracts';
import { readTopic, serviceHarness, type Caller } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { contentService } from '../service.ts';
import { staff } from '../test-support/fixtures.ts';
import { bulletinAt, castOf } from '../test-support/workflow.ts';

const h = await serviceHarness(import.meta.url, contentService, { components: false });
const cast = castOf(h);
const reviewers = Array.from({ length: 10 }, (_, i) =>
  h.as(staff(`reviewer-${i}`, 'reviewer', `审核${i}`)),
);

describe('concurrent approvals', () => {
  it('when 200 approvals by 10 reviewers hit 4 bulletins at once, then each is approved once: one 200, the rest 409', async () => {
    const bulletins = await Promise.all(
      Array.from({ length: 4 }, () => bulletinAt(cast, 'in_review')),
    );
    const attempts = bulletins.flatMap((b) =>
      Array.from({ length: 50 }, (_, i) => ({ id: b.id, who: reviewers[i % reviewers.length] })),
    );
    const results = await Promise.all(
      attempts.map(async ({ id, who }) => {
        if (who === undefined) throw new Error('no reviewer');
        const res = await who('POST', `/bulletins/${id}/approve`);
        return {
          id,
          status: res.statusCode,
          body: res.json<{ error?: { code: string; details: { status: string }[] } }>(),
        };
      }),
    );
    for (const b of bulletins) {
      const mine = results.filter((r) => r.id === b.id);
      expect(mine.filter((r) => r.status === 200)).toHaveLength(1);
      const losers = mine.filter((r) => r.status !== 200);
      expect(losers).toHaveLength(49);
      for (const l of losers)
        expect([l.status, l.body.error?.code, l.body.error?.details[0]?.status]).toEqual([
          409,
          'INVALID_TRANSITION',
          'published',
        ]);
    }
    const ids = new Set(bulletins.map((b) => b.id));
    const published = await readTopic(h.env.kafkaBrokers, h.topic(Topics.bulletins), {
      timeoutMs: 30_000,
      until: (msgs) => msgs.filter((m) => ids.has(m.key ?? '')).length >= 4,
    });
    expect(
      published
        .filter((m) => ids.has(m.key ?? ''))
        .map((m) => m.key)
        .sort(),
    ).toEqual([...ids].sort());
  });
});

describe('concurrent edits of one draft', () => {
  const edit = (who: Caller, id: string, revision: number, body: string) =>
    who('PATCH', `/bulletins/${id}`, { expectedRevision: revision, body });

  it('when 20 edits race on the same revision, then one applies and 19 get 409 with the current revision', async () => {
    const b = await bulletinAt(cast, 'draft');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => edit(cast.author, b.id, b.revision, `第${i}次编辑`)),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    const losers = results.filter((r) => r.statusCode === 409);
    expect(losers).toHaveLength(19);
    for (const l of losers) {
      expect(l.json()).toMatchObject({
        error: {
          code: 'CONFLICT',
          details: [{ expectedRevision: b.revision, currentRevision: b.revision + 1 }],
        },
      });
    }
  });

  it('when 20 editors each re-read and retry until their line is in, then none is lost and revisions have no gaps', async () => {
    const b = await bulletinAt(cast, 'draft');
    const appendLine = async (i: number) => {
      const who = i % 2 === 0 ? cast.author : cast.otherOfficer;
      for (let attempt = 1; ; attempt++) {
        const current = (await who('GET', `/bulletins/${b.id}`)).json<{
          body: string;
          revision: number;
        }>();
        const res = await edit(who, b.id, current.revision, `${current.body}\n- 编辑者${i}补充`);
        if (res.statusCode === 200) return attempt;
        expect(res.statusCode, res.body).toBe(409);
      }
    };
    const attempts = await Promise.all(Array.from({ length: 20 }, (_, i) => appendLine(i)));
    const final = (await cast.author('GET', `/bulletins/${b.id}`)).json<{
      body: string;
      revision: number;
    }>();
    expect(final.revision).toBe(b.revision + 20);
    for (let i = 0; i < 20; i++) expect(final.body).toContain(`- 编辑者${i}补充`);
    const history = (await cast.author('GET', `/bulletins/${b.id}/versions`)).json<{
      history: { revision: number; action: string }[];
    }>().history;
    expect(history.map((e) => e.revision)).toEqual(Array.from({ length: 21 }, (_, k) => k + 1));
    expect(history.filter((e) => e.action === 'edited')).toHaveLength(20);
    // The race was real: somebody had to retry.
    expect(Math.max(...attempts)).toBeGreaterThan(1);
  });
});
