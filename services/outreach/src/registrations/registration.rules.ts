// Rules of a registration that need no server: its errors.
import { notFound, type AppError } from '@lianxin/platform/errors';

export const registrationNotFound = (): AppError =>
  notFound({ zh: '报名记录不存在', en: 'The registration does not exist' });
