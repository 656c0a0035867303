// The service's own errors: stable codes from contracts, texts in Simplified Chinese first, then English.
import { AppError, conflict, forbidden, notFound } from '@lianxin/platform/http';

export const sessionNotFound = (): AppError =>
  notFound({ zh: '活动不存在', en: 'The session does not exist' });

export const registrationNotFound = (): AppError =>
  notFound({ zh: '报名记录不存在', en: 'The registration does not exist' });

export const opinionNotFound = (): AppError =>
  notFound({ zh: '社情民意记录不存在', en: 'The opinion does not exist' });

export const sessionNotScheduled = (status: string): AppError =>
  conflict(
    'SESSION_NOT_SCHEDULED',
    { zh: '活动已取消或已举办，无法操作', en: 'The session is no longer scheduled' },
    [
      {
        path: 'status',
        rule: 'state',
        message: { zh: `活动状态为 ${status}`, en: `status is ${status}` },
        status,
      },
    ],
  );

export const invalid = (path: string[], zh: string, en: string): AppError =>
  new AppError({
    status: 400,
    code: 'VALIDATION_FAILED',
    message: { zh, en },
    details: [{ path: path.join('.'), rule: 'invalid', message: { zh, en } }],
  });

export const liaisonInactive = (): AppError =>
  forbidden({
    zh: '联络员已停用，不能报名',
    en: 'This liaison is not active and cannot register staff',
  });

export const bankNotActive = (bankIds: string[]): AppError =>
  conflict(
    'BANK_NOT_ACTIVE',
    { zh: '银行不是合作中的伙伴银行', en: 'The bank is not an active partner' },
    bankIds.map((bankId) => ({
      path: 'invitedBankIds',
      rule: 'active_partner',
      message: { zh: `${bankId} 不是合作中的银行`, en: `${bankId} is not an active partner` },
      bankId,
    })),
  );
