// Unit tests of the search keys: bigrams of Chinese and mixed text, and how a query becomes keys.
import { describe, expect, it } from 'vitest';
import {
  bigramsOf,
  KEY_FIELDS,
  keyGramsOf,
  MAX_KEY_GRAMS,
  normaliseText,
  textQuery,
} from './search.rules.ts';

describe('search keys', () => {
  it('when Chinese text is keyed, then each adjacent pair inside a run is a key once', () => {
    expect(bigramsOf('刷单返利，刷单')).toEqual(['刷单', '单返', '返利']);
  });

  it('when text has full-width letters, capitals and Markdown, then keys are folded and marks split runs', () => {
    expect(normaliseText('ＡＰＰ')).toBe('app');
    expect(bigramsOf('**APP**下载')).toEqual(['ap', 'pp', '下载']);
  });

  it('when a run is one character, then it is its own key', () => {
    expect(bigramsOf('骗 局')).toEqual(['局', '骗']);
  });

  it('when a text has more bigrams than the key arrays hold, then they fill in order, each sorted, and it is marked capped', () => {
    const total = KEY_FIELDS * MAX_KEY_GRAMS + 50;
    const text = Array.from({ length: total + 1 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join(
      '',
    );
    const keys = keyGramsOf(`标题 ${text}`);
    expect(keys.capped).toBe(true);
    expect(keys.chunks.map((c) => c.length)).toEqual(Array(KEY_FIELDS).fill(MAX_KEY_GRAMS));
    expect(keys.chunks[0]).toContain('标题');
    for (const chunk of keys.chunks) expect(chunk).toEqual([...chunk].sort());
    expect(keyGramsOf('刷单返利')).toEqual({
      chunks: [['刷单', '单返', '返利'], [], [], []],
      capped: false,
    });
  });

  it('when a query has words, then every word must match and its bigrams are the keys', () => {
    expect(textQuery('退休教师  理财')).toEqual({
      terms: ['退休教师', '理财'],
      grams: ['休教', '教师', '理财', '退休'],
      needsScan: false,
      lead: '教师',
    });
  });

  it('when a query word is a single character, then the keys cannot decide and a scan is needed', () => {
    expect(textQuery('骗')).toEqual({ terms: ['骗'], grams: [], needsScan: true, lead: null });
  });
});
