// Component tests of the bulletin workflow over HTTP on the real database: transitions, roles, who reads what.
import { serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { contentService } from '../service.ts';
import { bulletinBody, staff } from '../test-support/fixtures.ts';
import { bulletinAt, castOf, type Stage } from '../test-support/workflow.ts';

const h = await serviceHarness(import.meta.url, contentService, { components: false });
const cast = castOf(h);

type Action = 'edit' | 'submit' | 'approve' | 'reject' | 'retract';

function attempt(action: Action, id: string, revision: number) {
  switch (action) {
    case 'edit':
      return cast.author('PATCH', `/bulletins/${id}`, {
        expectedRevision: revision,
        summary: '改写后的摘要',
      });
    case 'submit':
      return cast.author('POST', `/bulletins/${id}/submit`);
    case 'approve':
      return cast.secondReviewer('POST', `/bulletins/${id}/approve`);
    case 'reject':
      return cast.secondReviewer('POST', `/bulletins/${id}/reject`, { comment: '请补充细节' });
    case 'retract':
      return cast.secondReviewer('POST', `/bulletins/${id}/retract`, { reason: '重复发布' });
  }
}

const expectedState: Record<Stage, { status: string; pending: string | null }> = {
  draft: { status: 'draft', pending: 'draft' },
  in_review: { status: 'in_review', pending: 'in_review' },
  published: { status: 'published', pending: null },
  'published+draft': { status: 'published', pending: 'draft' },
  'published+in_review': { status: 'published', pending: 'in_review' },
  retracted: { status: 'retracted', pending: null },
};

const illegal: [Stage, Action][] = [
  ['draft', 'approve'],
  ['draft', 'reject'],
  ['draft', 'retract'],
  ['in_review', 'edit'],
  ['in_review', 'submit'],
  ['in_review', 'retract'],
  ['published', 'submit'],
  ['published', 'approve'],
  ['published', 'reject'],
  ['published+draft', 'approve'],
  ['published+draft', 'reject'],
  ['published+in_review', 'edit'],
  ['published+in_review', 'submit'],
  ['retracted', 'edit'],
  ['retracted', 'submit'],
  ['retracted', 'approve'],
  ['retracted', 'reject'],
  ['retracted', 'retract'],
];

describe('illegal transitions', () => {
  it.each(illegal)(
    'when a %s bulletin gets %s, then 409 INVALID_TRANSITION names the current state and nothing changes',
    async (stage, action) => {
      const b = await bulletinAt(cast, stage);
      const res = await attempt(action, b.id, b.revision);
      expect(res.statusCode, res.body).toBe(409);
      const error = res.json<{ error: { code: string; details: Record<string, unknown>[] } }>()
        .error;
      expect(error.code).toBe('INVALID_TRANSITION');
      const expected = expectedState[stage];
      expect(error.details[0]).toMatchObject({
        action,
        status: expected.status,
        revision: b.revision,
      });
      expect(
        (error.details[0]?.['pendingVersion'] as { state: string } | null)?.state ?? null,
      ).toBe(expected.pending);
      const after = await cast.coordinator('GET', `/bulletins/${b.id}`);
      expect(after.json<{ revision: number }>().revision).toBe(b.revision);
    },
  );
});

describe('who may do what', () => {
  it('when the author approves their own bulletin, then 403 SELF_REVIEW, even as a reviewer', async () => {
    const reviewerAuthor = h.as(staff('reviewer-writes', 'reviewer', '郑审核'));
    const created = await reviewerAuthor('POST', '/bulletins', bulletinBody());
    const id = created.json<{ id: string }>().id;
    expect((await reviewerAuthor('POST', `/bulletins/${id}/submit`)).statusCode).toBe(200);
    const res = await reviewerAuthor('POST', `/bulletins/${id}/approve`);
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('SELF_REVIEW');
  });

  it('when a reviewer edited the draft, then that reviewer may not approve it either', async () => {
    const b = await bulletinAt(cast, 'draft');
    const edited = await cast.reviewer('PATCH', `/bulletins/${b.id}`, {
      expectedRevision: b.revision,
      region: '香河县安平镇',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    await cast.author('POST', `/bulletins/${b.id}/submit`);
    const res = await cast.reviewer('POST', `/bulletins/${b.id}/approve`);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('SELF_REVIEW');
    expect((await cast.secondReviewer('POST', `/bulletins/${b.id}/approve`)).statusCode).toBe(200);
  });

  it('when an officer approves, or someone other than the author submits, then 403', async () => {
    const b = await bulletinAt(cast, 'draft');
    expect((await cast.otherOfficer('POST', `/bulletins/${b.id}/submit`)).statusCode).toBe(403);
    await cast.author('POST', `/bulletins/${b.id}/submit`);
    expect((await cast.otherOfficer('POST', `/bulletins/${b.id}/approve`)).statusCode).toBe(403);
  });

  it('when a liaison or the public asks for a draft, a bulletin in review or a retracted one, then 404', async () => {
    for (const stage of ['draft', 'in_review', 'retracted'] as const) {
      const b = await bulletinAt(cast, stage);
      for (const reader of [cast.liaison, h.as(null)]) {
        expect((await reader('GET', `/bulletins/${b.id}`)).statusCode).toBe(404);
        expect((await reader('GET', `/bulletins/${b.id}/versions`)).statusCode).toBe(404);
      }
    }
  });

  it('when a liaison tries to write, then 403', async () => {
    expect((await cast.liaison('POST', '/bulletins', bulletinBody())).statusCode).toBe(403);
  });

  it('when a reviewer rejects with comments, then the version is a draft again and the author sees why', async () => {
    const b = await bulletinAt(cast, 'in_review');
    const res = await cast.reviewer('POST', `/bulletins/${b.id}/reject`, {
      comment: '请删去受害人单位名称',
    });
    expect(res.json()).toMatchObject({
      status: 'draft',
      versionState: 'draft',
      lastRejection: { by: 'reviewer-one', comment: '请删去受害人单位名称' },
    });
  });
});

describe('editing a published bulletin', () => {
  it('when a published bulletin is edited, then readers keep the published version until the new one is approved', async () => {
    const b = await bulletinAt(cast, 'published', { title: '第一版：冒充客服骗局' });
    const edit = await cast.otherOfficer('PATCH', `/bulletins/${b.id}`, {
      expectedRevision: b.revision,
      title: '第二版：冒充客服骗局',
    });
    expect(edit.json()).toMatchObject({
      status: 'published',
      version: 2,
      versionState: 'draft',
      publishedVersion: 1,
    });

    const readerView = async () =>
      (await cast.liaison('GET', `/bulletins/${b.id}`)).json<{ title: string; version: number }>();
    expect(await readerView()).toMatchObject({ title: '第一版：冒充客服骗局', version: 1 });
    expect((await h.as(null)('GET', `/bulletins/${b.id}`)).json()).toMatchObject({ version: 1 });
    const staffPublished = await cast.coordinator('GET', `/bulletins/${b.id}?view=published`);
    expect(staffPublished.json()).toMatchObject({ version: 1, versionState: 'published' });

    await cast.otherOfficer('POST', `/bulletins/${b.id}/submit`);
    expect(await readerView()).toMatchObject({ version: 1 });
    const approved = await cast.reviewer('POST', `/bulletins/${b.id}/approve`);
    expect(approved.json()).toMatchObject({
      version: 2,
      versionState: 'published',
      publishedVersion: 2,
      pendingVersion: null,
    });
    expect(await readerView()).toMatchObject({ title: '第二版：冒充客服骗局', version: 2 });

    const versions = await cast.liaison('GET', `/bulletins/${b.id}/versions`);
    expect(
      versions
        .json<{ versions: { number: number; state: string }[] }>()
        .versions.map((v) => [v.number, v.state]),
    ).toEqual([
      [1, 'superseded'],
      [2, 'published'],
    ]);
  });
});
