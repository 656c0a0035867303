// Use case: record a public opinion or request (社情民意) raised at a session, with an owner and a due date.
import type { StaffPrincipal } from '@lianxin/platform/auth';
import { EventMap } from '@lianxin/contracts';
import { newEvent } from '@lianxin/platform/messaging';
import { invalidField } from '@lianxin/platform/errors';
import type { Deps } from '../shared/deps.ts';
import { newId } from '@lianxin/platform/db';
import type { RaiseOpinionBody } from './opinion.schemas.ts';
import { toOpinionSnapshot } from './opinion.view.ts';
import type { OpinionDoc } from './opinion.model.ts';

/** 18-digit resident ID numbers have no place in "raised by" (an organisation or a description). */
const RESIDENT_ID = /\d{17}[\dXx]/;

export async function raiseOpinion(
  deps: Deps,
  by: StaffPrincipal,
  sessionId: string,
  input: RaiseOpinionBody,
): Promise<OpinionDoc> {
  if (RESIDENT_ID.test(input.raisedBy)) {
    throw invalidField(['raisedBy'], {
      zh: '提出人请填写单位或描述，不要填写身份证号',
      en: 'raisedBy is an organisation or a description, never an ID number',
    });
  }
  await deps.sessions.requireExisting(sessionId);
  const fields = {
    _id: newId(),
    sessionId,
    category: input.category,
    text: input.text,
    raisedBy: input.raisedBy,
    recordedBy: by.sub,
    ownerId: input.ownerId,
    dueAt: new Date(input.dueAt),
    status: 'open' as const,
    resolutionNote: null,
    resolvedAt: null,
    raisedAt: deps.now(),
  };
  const event = newEvent(
    'opinion.raised',
    EventMap['opinion.raised'].parse(toOpinionSnapshot(fields)),
  );
  return deps.opinions.insert(fields, [event]);
}
