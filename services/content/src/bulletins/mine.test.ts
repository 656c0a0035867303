// "My bulletins" and officers retracting: an officer lists what they wrote and retracts only their own, on the real database.
import { serviceHarness } from '@lianxin/testing';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentService } from '../service.ts';
import { bulletinBody, staff } from '../test-support/fixtures.ts';

const h = await serviceHarness(import.meta.url, contentService, { components: false });

/** Officers with ids of this test run, so another run's bulletins never count. */
const officer = (name: string) =>
  h.as(staff(`officer-${randomBytes(4).toString('hex')}`, 'officer', name));
const reviewer = h.as(staff('reviewer-mine', 'reviewer', '孙审核'));

interface Item {
  id: string;
  status: string;
  title: string;
  revision: number;
}
interface Listing {
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
}

async function write(who: ReturnType<typeof officer>, title: string): Promise<Item> {
  const res = await who('POST', '/bulletins', bulletinBody({ title }));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Item>();
}

async function publish(author: ReturnType<typeof officer>, id: string): Promise<Item> {
  expect((await author('POST', `/bulletins/${id}/submit`)).statusCode).toBe(200);
  const res = await reviewer('POST', `/bulletins/${id}/approve`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Item>();
}

describe('my bulletins', () => {
  it('when two officers write, then each lists only theirs, latest change first, with status and a count', async () => {
    const zhao = officer('赵警官');
    const qian = officer('钱警官');
    const first = await write(zhao, '第一篇');
    const second = await write(zhao, '第二篇');
    await write(qian, '别人的');
    await publish(zhao, first.id);

    const res = await zhao('GET', '/bulletins/mine');
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json<Listing>();
    expect(mine.total).toBe(2);
    expect(mine.items.map((b) => [b.title, b.status])).toEqual([
      ['第一篇', 'published'],
      ['第二篇', 'draft'],
    ]);
    const paged = (await zhao('GET', '/bulletins/mine?page=2&pageSize=1')).json<Listing>();
    expect(paged).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.items.map((b) => b.id)).toEqual([second.id]);
  });

  it('when an officer edits another officer’s draft, then it is in the editor’s list too', async () => {
    const zhao = officer('赵警官');
    const qian = officer('钱警官');
    const draft = await write(zhao, '合写的');
    const edit = await qian('PATCH', `/bulletins/${draft.id}`, {
      expectedRevision: draft.revision,
      summary: '钱警官补充的摘要',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const listed = (await qian('GET', '/bulletins/mine')).json<Listing>();
    expect(listed.items.map((b) => b.id)).toEqual([draft.id]);
  });

  it('when a liaison asks for my bulletins, then 403; an unknown query field is 400', async () => {
    const liaison = h.as({ liaison: '65a1b2c3d4e5f60718293a01', id: 'liaison-mine', name: '吴' });
    expect((await liaison('GET', '/bulletins/mine')).statusCode).toBe(403);
    const res = await officer('赵警官')('GET', '/bulletins/mine?author=x');
    expect(res.statusCode).toBe(400);
  });
});

describe('officers retracting', () => {
  it('when the officer who wrote a published bulletin retracts it, then it is retracted; another officer gets 403', async () => {
    const zhao = officer('赵警官');
    const qian = officer('钱警官');
    const b = await write(zhao, '要撤回的');
    await publish(zhao, b.id);
    const refused = await qian('POST', `/bulletins/${b.id}/retract`, { reason: '不是我的' });
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('FORBIDDEN');
    const done = await zhao('POST', `/bulletins/${b.id}/retract`, { reason: '案情需要核实' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'retracted',
      retraction: { reason: '案情需要核实' },
    });
  });
});
