// The demo loader on the real database: the story's sessions with their record, loaded once however often it runs.
import { serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { outreachService } from '../service.ts';
import { seedBanks } from '../test-support/fixtures.ts';
import { loadDemo } from './load-demo.ts';
import { FORUM_TITLE, PAST_FORUM_TITLE } from './demo-sessions.ts';
import { sessionSummary } from '../sessions/session-summary.ts';
import type { SessionDoc } from '../sessions/session.model.ts';

const h = await serviceHarness(import.meta.url, outreachService);

describe('demo data', () => {
  it('when loaded twice with the 12 partner banks known, then the story is there once: held sessions with attendance, feedback and opinions, and an open forum with a waitlist', async () => {
    await seedBanks(h.db, 12);
    const first = await loadDemo(h.deps);
    expect(first).toMatchObject({ loaded: true, sessions: 5, forumsSkipped: false });
    expect(await loadDemo(h.deps)).toMatchObject({ loaded: false });
    const { sessions, registrations, opinions } = h.models;
    expect(await sessions.countDocuments()).toBe(5);
    expect(await sessions.countDocuments({ status: 'completed' })).toBe(3);

    const past = await sessions.findOne({ title: PAST_FORUM_TITLE }).lean<SessionDoc>();
    if (!past) throw new Error('no past forum');
    const summary = await sessionSummary(h.deps, past._id);
    expect(summary.totals).toMatchObject({ registered: 8, attended: 7, noShow: 1 });
    expect(summary.feedback.responses).toBe(3);
    expect(summary.followUps).toHaveLength(1);

    const forum = await sessions.findOne({ title: FORUM_TITLE }).lean<SessionDoc>();
    expect(forum?.invitedBankIds).toHaveLength(12);
    expect(
      await registrations.countDocuments({ sessionId: forum?._id, status: 'waitlisted' }),
    ).toBe(2);
    expect(await opinions.countDocuments({ status: 'resolved' })).toBe(3);
    expect(await opinions.countDocuments({ status: 'open' })).toBe(2);
  });
});
