// How a bank is shown to a caller: counts instead of its inner lists.
import type { z } from 'zod';
import type { Bank } from './bank.ts';
import type { BankDto } from './bank.schemas.ts';

export function bankView(b: Bank): z.infer<typeof BankDto> {
  const { branches, liaisons, version: _v, ...rest } = b;
  return {
    ...rest,
    branchCount: branches.length,
    activeLiaisonCount: liaisons.filter((l) => l.active).length,
  };
}
