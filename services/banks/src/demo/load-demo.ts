// Loads the demo banks, each with a branch and a primary liaison; running it again changes nothing.
import type { BankScope } from '@lianxin/platform/auth';
import { registerBank } from '../banks/register-bank.ts';
import type { Deps } from '../shared/deps.ts';
import { addLiaisonToBank } from '../liaisons/add-liaison.ts';
import { addBranch } from '../branches/add-branch.ts';
import { DEMO_BANKS } from './demo-banks.ts';

export interface DemoResult {
  created: number;
  completed: number;
  unchanged: number;
}

/** `scope` is a staff scope (all banks). Each step checks what exists, so a run interrupted half-way is finished by the next. */
export async function loadDemo(deps: Deps, scope: BankScope): Promise<DemoResult> {
  const result: DemoResult = { created: 0, completed: 0, unchanged: 0 };
  for (const demo of DEMO_BANKS) {
    const [found] = (await deps.banks.list(scope, { q: demo.code }, 1, 100)).items.filter(
      (b) => b.code === demo.code,
    );
    const bank = found ?? (await registerBank(deps, demo));
    let touched = found === undefined;
    if (bank.branches.length === 0) {
      await addBranch(deps, scope, bank.id, demo.branch);
      touched = true;
    }
    if (!bank.liaisons.some((l) => l.active)) {
      await addLiaisonToBank(deps, scope, bank.id, { ...demo.liaison, role: 'primary' });
      touched = true;
    }
    if (found === undefined) result.created += 1;
    else if (touched) result.completed += 1;
    else result.unchanged += 1;
  }
  return result;
}
