// A bulletin one may not see is the console's 404: a draft is as unknown to a liaison as a bulletin that never was.
import { ApiError } from '../api.ts';
import { NotFound } from '../shared/NotFound.tsx';

/** Whether a read failed because there is no such bulletin for this reader (an id that is not one included). */
export function isUnknownBulletin(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 400);
}

export { NotFound as BulletinNotFound };
