// Suspends a partnership: a suspended bank can't be invited to forums.
import type { BankScope } from '@lianxin/platform/auth';
import { conflict } from '@lianxin/platform/errors';
import { newEvent } from '@lianxin/platform/messaging';
import type { Deps } from '../shared/deps.ts';
import { bankSnapshot, type Bank } from './bank.ts';

export function suspendBank(
  deps: Deps,
  scope: BankScope,
  id: string,
  reason: string,
): Promise<Bank> {
  return deps.banks.change(scope, id, (bank) => {
    if (bank.status === 'suspended') {
      throw conflict('INVALID_TRANSITION', {
        zh: '该银行已暂停合作',
        en: 'The partnership is already suspended',
      });
    }
    const now = deps.now().toISOString();
    const next: Bank = {
      ...bank,
      status: 'suspended',
      suspension: { reason, suspendedAt: now },
      updatedAt: now,
    };
    return { next, events: [newEvent('bank.suspended', bankSnapshot(next))] };
  });
}
