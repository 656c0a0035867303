// Reactivates a suspended partnership.
import type { BankScope } from '@lianxin/platform/auth';
import { conflict } from '@lianxin/platform/errors';
import { newEvent } from '@lianxin/platform/messaging';
import type { Deps } from '../shared/deps.ts';
import { bankSnapshot, type Bank } from './bank.ts';

export function reactivateBank(deps: Deps, scope: BankScope, id: string): Promise<Bank> {
  return deps.banks.change(scope, id, (bank) => {
    if (bank.status === 'active') {
      throw conflict('INVALID_TRANSITION', {
        zh: '该银行合作状态正常，无需恢复',
        en: 'The partnership is already active',
      });
    }
    const next: Bank = {
      ...bank,
      status: 'active',
      suspension: null,
      updatedAt: deps.now().toISOString(),
    };
    return { next, events: [newEvent('bank.reactivated', bankSnapshot(next))] };
  });
}
