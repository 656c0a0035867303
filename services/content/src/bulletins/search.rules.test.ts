// Unit tests of the search keys: bigrams of Chinese and mixed text, and how a query becomes keys.
import { describe, expect, it } from 'vitest';
import { bigramsOf, normaliseText, textQuery } from './search.rules.ts';

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

  it('when a query has words, then every word must match and its bigrams are the keys', () => {
    expect(textQuery('退休教师  理财')).toEqual({
      terms: ['退休教师', '理财'],
      grams: ['休教', '教师', '理财', '退休'],
    });
  });

  it('when a query word is a single character, then it has no bigram to narrow by', () => {
    expect(textQuery('骗')).toEqual({ terms: ['骗'], grams: [] });
  });
});
