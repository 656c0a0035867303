// What the banks service's use cases need: its repositories and a clock, built from what the platform started.
import type { ServiceContext } from '@lianxin/platform/service';
import { BankRepository } from '../banks/bank.repository.ts';
import type { BanksConfig } from '../config.ts';
import { ContactReservations } from '../liaisons/contact-reservation.repository.ts';
import type { Models } from './models.ts';

export interface Deps {
  banks: BankRepository;
  reservations: ContactReservations;
  now: () => Date;
}

export function createDeps(ctx: ServiceContext<BanksConfig, Models>): Deps {
  return {
    banks: new BankRepository(ctx.models, ctx.wake),
    reservations: new ContactReservations(ctx.models),
    now: ctx.now,
  };
}
