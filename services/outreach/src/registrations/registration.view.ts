// What a caller sees of a registration: the mobile in full only for coordinators and the liaison who registered it.
import { maskMobile } from '@lianxin/contracts';
import type { Principal } from '@lianxin/platform/auth';
import { codeOf } from './check-in-code.ts';
import { signCheckInToken } from './check-in-token.ts';
import type { PlacedRegistration } from './list-bank-registrations.ts';
import type { BankRegistrationView, RegistrationView } from './registration.schemas.ts';
import type { RegistrationDoc } from './registration.model.ts';

export function seesMobile(
  principal: Principal,
  reg: Pick<RegistrationDoc, 'registeredBy' | 'bankId'>,
): boolean {
  if (principal.role === 'coordinator') return true;
  return (
    principal.role === 'liaison' &&
    principal.bankId === reg.bankId &&
    principal.sub === reg.registeredBy
  );
}

/** `position` overrides the stored one with the current place in the queue, when known. */
export function toRegistrationView(
  reg: RegistrationDoc,
  principal: Principal,
  secret: string,
  position?: number,
): RegistrationView {
  const full = seesMobile(principal, reg);
  return {
    id: reg._id,
    sessionId: reg.sessionId,
    bankId: reg.bankId,
    attendee: {
      ...reg.attendee,
      mobile: full ? reg.attendee.mobile : maskMobile(reg.attendee.mobile),
      email:
        full || reg.attendee.email === null ? reg.attendee.email : maskEmail(reg.attendee.email),
    },
    mobileMasked: !full,
    status: reg.status,
    waitlist:
      reg.waitlist === null
        ? null
        : { ...reg.waitlist, position: position ?? reg.waitlist.position },
    registeredBy: reg.registeredBy,
    registeredAt: reg.registeredAt.toISOString(),
    cancellation:
      reg.cancellation === null
        ? null
        : { ...reg.cancellation, cancelledAt: reg.cancellation.cancelledAt.toISOString() },
    checkedInAt: reg.checkIn?.at.toISOString() ?? null,
    checkInToken:
      full && reg.status === 'confirmed' ? signCheckInToken(secret, reg._id, reg.sessionId) : null,
    checkInCode: full && reg.status === 'confirmed' ? codeOf(reg) : null,
  };
}

/** A registration with what its list shows of the session, and the current waitlist place. */
export function toBankRegistrationView(
  { registration, session, position }: PlacedRegistration,
  principal: Principal,
  secret: string,
): BankRegistrationView {
  return {
    ...toRegistrationView(registration, principal, secret, position),
    session: {
      id: session._id,
      title: session.title,
      kind: session.kind,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      venue: { name: session.venue.name, address: session.venue.address },
      status: session.status,
    },
  };
}

/** `zhang.san@bank.example.cn` → `z***@bank.example.cn`: enough to recognise, not to write to. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}
