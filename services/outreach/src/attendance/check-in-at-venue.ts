// Use case: an officer at the venue checks a person in by the short code they read out, or by their QR code scanned.
import type { StaffPrincipal } from '@lianxin/platform/auth';
import { badRequest, notFound } from '@lianxin/platform/errors';
import { normaliseCheckInCode } from '../registrations/check-in-code.ts';
import type { RegistrationDoc } from '../registrations/registration.model.ts';
import type { Deps } from '../shared/deps.ts';
import { checkIn, resolveToken } from './check-in.ts';

/** What the officer sends: the code typed (normalised by the schema) or the token the camera read. */
export interface VenueCheckIn {
  code?: string | undefined;
  token?: string | undefined;
}

const oneOfCodeOrToken = () =>
  badRequest(
    'VALIDATION_FAILED',
    { zh: '请输入签到码或扫描二维码（二选一）', en: 'Send either the code or the scanned token' },
    (['code', 'token'] as const).map((path) => ({
      path,
      rule: 'one_of',
      message: { zh: '签到码与二维码只能填一个', en: 'exactly one of code and token' },
    })),
  );

const unknownCode = () =>
  notFound({ zh: '本场活动没有这个签到码', en: 'No registration of this session has that code' }, [
    {
      path: 'code',
      rule: 'unknown',
      message: { zh: '签到码不存在', en: 'unknown check-in code' },
    },
  ]);

const otherSession = () =>
  notFound({ zh: '该二维码不属于本场活动', en: 'This QR code is for another session' }, [
    {
      path: 'token',
      rule: 'session',
      message: { zh: '不是本场活动的二维码', en: 'not a QR code of this session' },
    },
  ]);

/** Checks the person in (once, within the window, as `checkIn` rules) and returns their registration. */
export async function checkInAtVenue(
  deps: Deps,
  officer: StaffPrincipal,
  sessionId: string,
  input: VenueCheckIn,
): Promise<RegistrationDoc> {
  const { code, token } = input;
  if ((code === undefined) === (token === undefined)) throw oneOfCodeOrToken();
  await deps.sessions.requireExisting(sessionId);
  if (code !== undefined) {
    const reg = await deps.registrations.findByCode(sessionId, normaliseCheckInCode(code));
    if (!reg) throw unknownCode();
    return checkIn(deps, reg._id, sessionId, { method: 'officer', officerId: officer.sub });
  }
  if (token === undefined) throw oneOfCodeOrToken();
  const ids = resolveToken(deps, token);
  if (ids.sessionId !== sessionId) throw otherSession();
  return checkIn(deps, ids.registrationId, sessionId, { method: 'qr', officerId: officer.sub });
}
