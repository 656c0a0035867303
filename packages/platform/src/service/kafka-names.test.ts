// Topic and group names under KAFKA_TOPIC_PREFIX: a prefix with dots still gives groups that can own dead letters.
import { describe, expect, it } from 'vitest';
import { dlqTopic } from '@lianxin/contracts';
import { prefixedGroup, prefixedTopic } from './kafka-names.ts';

describe('names under KAFKA_TOPIC_PREFIX', () => {
  it('when the prefix has dots (fuzz.), then topics keep them and groups get dashes, so dead letters have a topic', () => {
    expect(prefixedTopic('fuzz.', 'lianxin.banks.v1')).toBe('fuzz.lianxin.banks.v1');
    const group = prefixedGroup('fuzz.', 'console-liaisons');
    expect(group).toBe('fuzz-console-liaisons');
    expect(() => {
      dlqTopic('t', group);
    }).not.toThrow();
    expect(() => {
      dlqTopic('t', 'fuzz.console-liaisons');
    }).toThrow(/Consumer group/);
  });

  it('when there is no prefix, then names are the catalogue names', () => {
    expect(prefixedTopic('', 'lianxin.banks.v1')).toBe('lianxin.banks.v1');
    expect(prefixedGroup('', 'outreach-banks')).toBe('outreach-banks');
  });
});
