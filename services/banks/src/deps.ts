// What the banks service's use cases need: its repository, the contact reservations and a clock.
import type { BankRepository } from './banks/bank.repository.ts';
import type { ContactReservations } from './liaisons/contact-reservations.ts';

export interface BanksDeps {
  banks: BankRepository;
  reservations: ContactReservations;
  now: () => Date;
}
