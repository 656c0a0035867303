// Unit tests for subscription events: who may carry a bank, what a filter needs, and which bulletins match.
import { describe, expect, it } from 'vitest';
import { samples } from './samples.test-data.ts';
import {
  SubscriptionCreated,
  SubscriptionFilter,
  SubscriptionRemoved,
  subscriptionMatches,
} from './subscriptions.ts';

const created = samples['subscription.created'];

describe('subscription events', () => {
  it('when an officer subscription names a bank, then it is refused at subscriber.bankId', () => {
    const result = SubscriptionCreated.safeParse({
      ...created,
      subscriber: { ...created.subscriber, role: 'officer', email: 'zhang@police.example.cn' },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['subscriber', 'bankId']]);
  });

  it('when a liaison subscription has no bank, then it is refused at subscriber.bankId', () => {
    const result = SubscriptionRemoved.safeParse({
      ...samples['subscription.removed'],
      subscriber: { id: 'liaison-1', role: 'liaison', bankId: null },
    });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['subscriber', 'bankId']]);
  });

  it('when a filter names neither fraud types nor audiences, then it is refused', () => {
    const result = SubscriptionFilter.safeParse({ fraudTypes: [], audiences: [] });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['fraudTypes']]);
  });
});

describe('subscriptionMatches', () => {
  const bulletin = { fraudType: 'fake_investment', audiences: ['elderly', 'bank_staff'] } as const;

  it.each([
    [{ fraudTypes: ['fake_investment'], audiences: [] }, true],
    [{ fraudTypes: ['task_rebate'], audiences: [] }, false],
    [{ fraudTypes: [], audiences: ['bank_staff'] }, true],
    [{ fraudTypes: [], audiences: ['students'] }, false],
    [{ fraudTypes: ['fake_investment'], audiences: ['elderly'] }, true],
    [{ fraudTypes: ['fake_investment'], audiences: ['students'] }, false],
    [{ fraudTypes: ['task_rebate'], audiences: ['elderly'] }, false],
    [{ fraudTypes: [], audiences: [] }, false],
  ] as const)(
    'when the filter is %j, then a fake-investment bulletin for the elderly and bank staff matches: %s',
    (filter, expected) => {
      expect(subscriptionMatches(filter, bulletin)).toBe(expected);
    },
  );
});
