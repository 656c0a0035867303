// Suspends a partnership (a suspended bank can't be invited to forums) and reactivates it.
import type { BankScope } from '@lianxin/platform/auth';
import { conflict } from '@lianxin/platform/http';
import { newEvent } from '@lianxin/platform/messaging';
import type { BanksDeps } from '../deps.ts';
import { bankSnapshot, type Bank } from './bank.ts';

export function suspendBank(
  deps: BanksDeps,
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

export function reactivateBank(deps: BanksDeps, scope: BankScope, id: string): Promise<Bank> {
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
