// New aggregate ids: 24-hex ObjectId strings, as contracts' ObjectIdString expects.
import { Types } from 'mongoose';

export function newId(): string {
  return new Types.ObjectId().toHexString();
}
