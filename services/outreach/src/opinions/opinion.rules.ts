// Rules of an opinion that need no server: its errors.
import { notFound, type AppError } from '@lianxin/platform/errors';

export const opinionNotFound = (): AppError =>
  notFound({ zh: '社情民意记录不存在', en: 'The opinion does not exist' });
