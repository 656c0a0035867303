// Keeps liaisons' mobile numbers and emails unique among ACTIVE liaisons of all banks, without transactions.
//
// A reservation document per value (`mobile:…`, `email:…`) under its unique `_id` is taken
// BEFORE the bank is changed and released AFTER. While the change is in flight the holder is
// not yet in its bank, so a young reservation always wins. If the process dies in between, the
// reservation outlives its purpose: once older than the grace period, and its holder not active
// with that value, the next claimant takes it over with a conditional update on its timestamp.
import { isDuplicateKey } from '@lianxin/platform/db';
import { conflict, detail } from '@lianxin/platform/errors';
import { Types } from 'mongoose';
import type { Models } from '../shared/models.ts';

export type ContactField = 'mobile' | 'email';
export type Contacts = Partial<Record<ContactField, string>>;

const keyOf = (field: ContactField, value: string) => `${field}:${value}`;

/** Longer than any bank change takes; a younger reservation is someone's change in flight. */
export const RESERVATION_GRACE_MS = 60_000;

const taken = (field: ContactField) => {
  const text =
    field === 'mobile'
      ? {
          zh: '该手机号已被其他在岗联络员使用',
          en: 'This mobile number belongs to another active liaison',
        }
      : { zh: '该邮箱已被其他在岗联络员使用', en: 'This email belongs to another active liaison' };
  return conflict('DUPLICATE_LIAISON_CONTACT', text, [detail(field, 'unique', text)]);
};

export class ContactReservations {
  constructor(private readonly models: Models) {}

  /** Reserves every given value for `liaisonId`, or none of them (409 naming the field). */
  async reserve(bankId: string, liaisonId: string, contacts: Contacts): Promise<void> {
    const done: string[] = [];
    try {
      for (const field of ['mobile', 'email'] as const) {
        const value = contacts[field];
        if (value === undefined) continue;
        await this.reserveOne(bankId, liaisonId, field, value);
        done.push(keyOf(field, value));
      }
    } catch (err) {
      await this.models.reservations.deleteMany({ _id: { $in: done }, liaisonId });
      throw err;
    }
  }

  /** Releases `liaisonId`'s reservations: all of them, or only those of the given values. */
  async release(liaisonId: string, contacts?: Contacts): Promise<void> {
    if (contacts === undefined) {
      await this.models.reservations.deleteMany({ liaisonId });
      return;
    }
    const keys = (['mobile', 'email'] as const).flatMap((f) => {
      const v = contacts[f];
      return v === undefined ? [] : [keyOf(f, v)];
    });
    if (keys.length > 0)
      await this.models.reservations.deleteMany({ _id: { $in: keys }, liaisonId });
  }

  private async reserveOne(
    bankId: string,
    liaisonId: string,
    field: ContactField,
    value: string,
  ): Promise<void> {
    const _id = keyOf(field, value);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      try {
        await this.models.reservations.create({
          _id,
          bankId,
          liaisonId,
          at: new Date().toISOString(),
        });
        return;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      const holder = await this.models.reservations.findById(_id).lean();
      if (!holder) continue; // released meanwhile: try the insert again
      if (holder.liaisonId === liaisonId) return;
      const inFlight = Date.now() - Date.parse(holder.at) < RESERVATION_GRACE_MS;
      if (inFlight || (await this.holds(holder.bankId, holder.liaisonId, field, value)))
        throw taken(field);
      // A leftover of an interrupted change: take it over, unless someone else just did.
      const res = await this.models.reservations.updateOne(
        { _id, liaisonId: holder.liaisonId, at: holder.at },
        { $set: { bankId, liaisonId, at: new Date().toISOString() } },
      );
      if (res.modifiedCount === 1) return;
    }
    throw taken(field);
  }

  /** Whether that liaison is active and still has that value. */
  private async holds(
    bankId: string,
    liaisonId: string,
    field: ContactField,
    value: string,
  ): Promise<boolean> {
    if (!Types.ObjectId.isValid(bankId)) return false;
    const bank = await this.models.banks.findById(bankId, { liaisons: 1 }).lean();
    return (bank?.liaisons ?? []).some((l) => l.id === liaisonId && l.active && l[field] === value);
  }
}
