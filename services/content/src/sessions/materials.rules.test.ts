// Unit tests of the materials ranking: overlap first, recency second, no overlap no place.
import { describe, expect, it } from 'vitest';
import { rankMaterials } from './materials.rules.ts';

const session = { audiences: ['elderly', 'bank_staff'], fraudTopics: ['fake_investment'] };
const b = (id: string, fraudType: string, audiences: string[], publishedAt: string) => ({
  id,
  fraudType,
  audiences,
  publishedAt,
});

describe('materials ranking', () => {
  it('when bulletins overlap a session differently, then more overlap ranks first and recency breaks ties', () => {
    const ranked = rankMaterials(session, [
      b('a', 'task_rebate', ['elderly'], '2025-03-03T00:00:00.000Z'),
      b('b', 'fake_investment', ['elderly', 'bank_staff'], '2025-01-01T00:00:00.000Z'),
      b('c', 'fake_investment', ['students'], '2025-03-01T00:00:00.000Z'),
      b('d', 'fake_loan', ['students'], '2025-03-05T00:00:00.000Z'),
      b('e', 'fake_investment', ['elderly'], '2025-02-01T00:00:00.000Z'),
    ]);
    expect(ranked.map((r) => [r.bulletin.id, r.score])).toEqual([
      ['b', 3],
      ['e', 2],
      ['a', 1],
      ['c', 1],
    ]);
  });

  it('when a bulletin matches only by fraud type, then it says which part matched', () => {
    const [only] = rankMaterials(session, [
      b('c', 'fake_investment', ['students'], '2025-03-01T00:00:00.000Z'),
    ]);
    expect(only).toMatchObject({ matchedAudiences: [], fraudTypeMatches: true });
  });
});
