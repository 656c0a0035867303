// The withdrawals log on the real database and broker: a reader's search reads only what is new however long the log, and a retraction a lagging index has not applied stays hidden (ADR 044).
import { serviceHarness } from '@lianxin/testing';
import mongoose, { Types } from 'mongoose';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { contentService } from '../service.ts';
import { bulletinAt, castOf } from '../test-support/workflow.ts';
import { buildSearchIndex } from './build-search-index.ts';
import { searchBulletins } from './read-bulletins.ts';
import { WithdrawalWatch } from './withdrawal-watch.ts';
import { withdrawalModels } from './withdrawal.model.ts';
import { WithdrawalRepository } from './withdrawal.repository.ts';

const OLD = 5_000;
const first = await serviceHarness(import.meta.url, contentService);
const cast = castOf(first);
// Retractions made long ago: 5,000 entries in the log before anything else happens.
const log = first.models.withdrawals;
for (let i = 0; i < OLD; i += 500) {
  await log.log.insertMany(
    Array.from({ length: 500 }, (_, k) => ({
      _id: i + k + 1,
      bulletinId: new Types.ObjectId(),
      revision: 4,
    })),
  );
}
await log.head.updateOne({ _id: 'head' }, { $set: { last: OLD } }, { upsert: true });

const published = (t: string) => bulletinAt(cast, 'published', { title: `撤回测试：${t}骗局` });
const [gone, target, last] = await Promise.all([
  published('养生讲座'),
  published('冒充公检法'),
  published('虚假理财'),
]);
// A replica whose index was built but follows no events: an index that lags.
const stale = await serviceHarness(import.meta.url, contentService, { components: false });
await buildSearchIndex(stale.deps);
const staleCast = castOf(stale);

// A connection of its own that reports every command: what a search reads from the log, counted by the driver.
const watched = await mongoose
  .createConnection(`mongodb://${first.db.host}:${String(first.db.port)}/${first.db.name}`, {
    monitorCommands: true,
  })
  .asPromise();
afterAll(async () => {
  await watched.close();
});
const reads = { logDocuments: 0, logQueries: 0, headQueries: 0 };
const collectionOf = new Map<number, string>();
const client = watched.getClient();
client.on('commandStarted', (e) => {
  const command = e.command as { find?: unknown; collection?: unknown };
  const coll = e.commandName === 'find' ? command.find : command.collection;
  if (typeof coll === 'string') collectionOf.set(e.requestId, coll);
});
client.on('commandSucceeded', (e) => {
  const coll = collectionOf.get(e.requestId);
  collectionOf.delete(e.requestId);
  const reply = e.reply as { cursor?: { firstBatch?: unknown[]; nextBatch?: unknown[] } };
  const documents = (reply.cursor?.firstBatch ?? reply.cursor?.nextBatch ?? []).length;
  if (coll === 'bulletin_withdrawal_head' && e.commandName === 'find') reads.headQueries += 1;
  if (coll === 'bulletin_withdrawal_log') {
    if (e.commandName === 'find') reads.logQueries += 1;
    reads.logDocuments += documents;
  }
});
const watchedLog = new WithdrawalRepository(withdrawalModels(watched));
const watch = new WithdrawalWatch(watchedLog);
const staleDeps = {
  bulletins: stale.deps.bulletins,
  search: stale.deps.search,
  withdrawals: watch,
};

async function readerSearch(q: string): Promise<{ ids: string[]; total: number }> {
  const page = await searchBulletins(staleDeps, 'reader', { q }, 1, 100);
  return { ids: page.items.map((i) => i.id).sort(), total: page.total };
}

beforeEach(() => {
  Object.assign(reads, { logDocuments: 0, logQueries: 0, headQueries: 0 });
});

describe('the withdrawals log', () => {
  it('when 5,000 withdrawals are in the log, then a reader’s search reads only the head and what is new since the last one', async () => {
    // The replica's first reader search reads the whole log once…
    expect((await readerSearch('撤回测试')).total).toBe(3);
    expect(reads.logDocuments).toBeGreaterThanOrEqual(OLD);
    // …and from then on only the head: no entry, however many there are.
    Object.assign(reads, { logDocuments: 0, logQueries: 0, headQueries: 0 });
    for (let i = 0; i < 5; i++) expect((await readerSearch('撤回测试')).total).toBe(3);
    expect(reads).toEqual({ logDocuments: 0, logQueries: 0, headQueries: 5 });

    // A retraction on the other replica: the next search reads its one entry, and hides it.
    const res = await cast.coordinator('POST', `/bulletins/${gone.id}/retract`, {
      reason: '核实中',
    });
    expect(res.statusCode, res.body).toBe(200);
    Object.assign(reads, { logDocuments: 0, logQueries: 0, headQueries: 0 });
    expect((await readerSearch('撤回测试')).total).toBe(2);
    expect(reads).toEqual({ logDocuments: 1, logQueries: 1, headQueries: 1 });
    // Still hidden at the next search, which reads no entry again.
    Object.assign(reads, { logDocuments: 0, logQueries: 0, headQueries: 0 });
    expect((await readerSearch('撤回测试')).ids).not.toContain(gone.id);
    expect(reads).toEqual({ logDocuments: 0, logQueries: 0, headQueries: 1 });
  });

  it('when a lagging index has not applied a retraction, then readers on that replica neither see nor count it', async () => {
    const before = await staleCast.liaison('GET', `/bulletins?q=${encodeURIComponent('撤回测试')}`);
    expect(before.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(target.id);
    const res = await cast.coordinator('POST', `/bulletins/${target.id}/retract`, {
      reason: '当事人要求撤下',
    });
    expect(res.statusCode, res.body).toBe(200);
    // The stale index still holds it as published at its old revision…
    expect(stale.deps.search.isPublic(target.id)).toBe(true);
    expect(stale.deps.search.search('public', { q: '冒充公检法' }, 1, 20).total).toBe(1);
    // …but its readers' search (the route, its own watch) hides it from the page and the total.
    const after = await staleCast.liaison('GET', `/bulletins?q=${encodeURIComponent('撤回测试')}`);
    const page = after.json<{ items: { id: string }[]; total: number }>();
    expect(page.items.map((i) => i.id)).toEqual([last.id]);
    expect(page.total).toBe(1);
    const direct = await staleCast.liaison(
      'GET',
      `/bulletins?q=${encodeURIComponent('冒充公检法')}`,
    );
    expect(direct.json<{ total: number }>().total).toBe(0);
    // Staff on the stale replica are not protected from lag (ADR 039).
    const staff = await staleCast.coordinator(
      'GET',
      `/bulletins?q=${encodeURIComponent('冒充公检法')}`,
    );
    expect(staff.json<{ total: number }>().total).toBe(1);
  });

  it('when a writer took a number and never wrote it, then searches go on, the number is voided, and a slow writer takes another', async () => {
    // A writer that died between taking its number and writing the entry.
    const dead = await first.models.withdrawals.head
      .findOneAndUpdate({ _id: 'head' }, { $inc: { last: 1 } }, { returnDocument: 'after' })
      .lean();
    const hole = dead?.last ?? 0;
    expect(hole).toBeGreaterThan(OLD);
    const eager = new WithdrawalWatch(watchedLog, { voidAfterMs: 0 });
    expect((await searchBulletins(staleDeps, 'reader', { q: '虚假理财' }, 1, 20)).total).toBe(1);
    await searchBulletins({ ...staleDeps, withdrawals: eager }, 'reader', {}, 1, 20);
    const until = Date.now() + 10_000;
    while ((await watchedLog.entries([hole])).get(hole) !== 'void') {
      if (Date.now() > until) throw new Error('the hole was not voided');
      await new Promise((r) => setTimeout(r, 50));
    }
    await searchBulletins({ ...staleDeps, withdrawals: eager }, 'reader', {}, 1, 20);
    expect(eager.holeCount).toBe(0);
    // A writer that comes back with a voided number is refused it and takes the next one.
    const next = (await watchedLog.head()) + 1;
    expect(await watchedLog.void(next)).toBe(true);
    const retracted = await cast.coordinator('POST', `/bulletins/${last.id}/retract`, {
      reason: '重复发布',
    });
    expect(retracted.statusCode, retracted.body).toBe(200);
    expect((await watchedLog.entries([next + 1])).get(next + 1)).toMatchObject({
      bulletinId: last.id,
    });
    expect((await readerSearch('虚假理财')).total).toBe(0);
  });
});
