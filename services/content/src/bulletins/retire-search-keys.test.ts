// The retirement of ADR 015/020's bigram key arrays on the real database: old documents lose them and their indexes, and stay readable and searchable.
import { serviceHarness } from '@lianxin/testing';
import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contentService } from '../service.ts';
import { bulletinAt, castOf } from '../test-support/workflow.ts';
import { RETIRED_KEY_FIELDS } from './bulletin.model.ts';
import { buildSearchIndex } from './build-search-index.ts';
import { retireSearchKeys } from './retire-search-keys.ts';

// No components: the migration the search-index component starts would race the test's own run.
const h = await serviceHarness(import.meta.url, contentService, { components: false });
const cast = castOf(h);
const raw = h.models.bulletins.collection;

/** What a document written before ADR 039 also carried. */
async function giveOldKeys(id: string): Promise<void> {
  await raw.updateOne(
    { _id: new Types.ObjectId(id) },
    {
      $set: {
        latestGrams: ['养老', '保健'],
        latestGrams2: [],
        latestGrams3: [],
        latestGrams4: [],
        latestGramsCapped: false,
        publicGrams: ['养老', '保健'],
        publicGrams2: [],
        publicGrams3: [],
        publicGrams4: [],
        publicGramsCapped: true,
      },
    },
  );
}

describe('retiring the old search keys', () => {
  it('when old documents carry bigram key arrays and their indexes, then they are removed and the bulletins still read and search the same', async () => {
    const old = await Promise.all([
      bulletinAt(cast, 'published', { title: '旧文档：保健品养老骗局' }),
      bulletinAt(cast, 'draft', { title: '旧文档：虚假贷款草稿' }),
    ]);
    const fresh = await bulletinAt(cast, 'published', { title: '新文档：不带旧键' });
    for (const b of old) await giveOldKeys(b.id);
    await raw.createIndexes([{ key: { latestGrams: 1 } }, { key: { publicGramsCapped: 1 } }]);
    const before = await h.deps.bulletins.withRetiredKeys();
    expect(before.sort()).toEqual(old.map((b) => b.id).sort());
    const readBefore = await cast.liaison('GET', `/bulletins/${old[0].id}`);

    const retired = await retireSearchKeys(h.deps, new AbortController().signal);
    expect(retired.bulletins).toBe(2);
    expect(retired.indexes.sort()).toEqual(['latestGrams_1', 'publicGramsCapped_1']);

    for (const b of [...old, fresh]) {
      const doc = await raw.findOne({ _id: new Types.ObjectId(b.id) });
      for (const field of RETIRED_KEY_FIELDS) expect(doc, field).not.toHaveProperty(field);
      expect(doc).toHaveProperty('latestText');
    }
    const names = z
      .array(z.looseObject({ name: z.string() }))
      .parse(await raw.listIndexes().toArray())
      .map((ix) => ix.name);
    expect(names).not.toContain('latestGrams_1');
    expect(names).toContain('status_1_publicAt_-1');
    const readAfter = await cast.liaison('GET', `/bulletins/${old[0].id}`);
    expect(readAfter.statusCode).toBe(200);
    expect(readAfter.json()).toEqual(readBefore.json());
    // The database search (this app's: no index) and a freshly built index both still find them.
    const found = await cast.liaison('GET', `/bulletins?q=${encodeURIComponent('保健品养老')}`);
    expect(found.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([old[0].id]);
    await buildSearchIndex(h.deps);
    expect(h.deps.search.search('latest', { q: '虚假贷款草稿' }, 1, 20).ids).toEqual([old[1].id]);

    // Run again (another replica, the next start): nothing left to do.
    expect(await retireSearchKeys(h.deps, new AbortController().signal)).toEqual({
      bulletins: 0,
      indexes: [],
    });
  });
});
