// The bulletin workflow as pure functions: each takes the aggregate and returns the next one, or refuses.
import type { BulletinStatus } from '@lianxin/contracts';
import { AppError, conflict, forbidden } from '@lianxin/platform/errors';
import {
  versionOf,
  writersOf,
  type Bulletin,
  type BulletinContent,
  type BulletinVersion,
  type HistoryAction,
} from './bulletin.ts';
import { scanFields, type TextField } from './personal-data.rules.ts';

export interface Actor {
  id: string;
  role: 'coordinator' | 'officer' | 'reviewer';
}

export type Action = 'edit' | 'submit' | 'approve' | 'reject' | 'retract';

/** 409 with where the bulletin stands, so the client can show it and decide again. */
export function invalidTransition(bulletin: Bulletin, action: Action): AppError {
  const pending = versionOf(bulletin, bulletin.pendingNumber);
  return conflict(
    'INVALID_TRANSITION',
    {
      zh: `简报当前状态为“${bulletin.status}”${pending ? `（第${pending.number}版：${pending.state}）` : ''}，不能执行“${action}”`,
      en: `The bulletin is ${bulletin.status}${pending ? ` (version ${pending.number}: ${pending.state})` : ''}; it cannot be ${action}ed now`,
    },
    [
      {
        path: 'status',
        rule: 'state',
        message: { zh: `当前状态为“${bulletin.status}”`, en: `status is ${bulletin.status}` },
        action,
        status: bulletin.status,
        pendingVersion: pending ? { number: pending.number, state: pending.state } : null,
        revision: bulletin.revision,
      },
    ],
  );
}

/** Every text a reader will see, with its request path, for the personal-data guard. */
export function textFields(content: BulletinContent): TextField[] {
  const fields: TextField[] = [
    { path: ['title'], text: content.title },
    { path: ['summary'], text: content.summary },
    { path: ['body'], text: content.body },
    { path: ['region'], text: content.region },
  ];
  if (content.modusOperandi !== null)
    fields.push({ path: ['modusOperandi'], text: content.modusOperandi });
  if (content.victimProfile.occupation !== null) {
    fields.push({ path: ['victimProfile', 'occupation'], text: content.victimProfile.occupation });
  }
  content.warningSigns.forEach((text, i) => fields.push({ path: ['warningSigns', i], text }));
  content.advice.forEach((text, i) => fields.push({ path: ['advice', i], text }));
  content.tags.forEach((text, i) => fields.push({ path: ['tags', i], text }));
  return fields;
}

const KIND_TEXT = {
  mobile: { zh: '手机号码', en: 'mobile number' },
  resident_id: { zh: '身份证号码', en: 'resident ID number' },
  bank_card: { zh: '银行卡号', en: 'bank card number' },
} as const;

/** 422 PII_DETECTED listing each finding's field, position and masked suggestion; never the number itself. */
export function assertNoPersonalData(content: BulletinContent): void {
  const findings = scanFields(textFields(content));
  if (findings.length === 0) return;
  throw new AppError({
    status: 422,
    code: 'PII_DETECTED',
    message: {
      zh: `简报含有未脱敏的个人信息（${findings.length}处），请按建议脱敏后再提交`,
      en: `The bulletin contains ${findings.length} unmasked personal number(s); mask them as suggested`,
    },
    details: findings.map((f) => ({
      path: f.path.join('.'),
      rule: 'pii',
      message: {
        zh: `第 ${f.start}–${f.end} 位为${KIND_TEXT[f.kind].zh}，请写作 ${f.masked}`,
        en: `${KIND_TEXT[f.kind].en} at ${f.start}–${f.end}; write ${f.masked}`,
      },
      kind: f.kind,
      start: f.start,
      end: f.end,
      masked: f.masked,
    })),
  });
}

function touch(
  bulletin: Bulletin,
  action: HistoryAction,
  version: number,
  actor: Actor,
  now: string,
  extra: { fields?: string[]; comment?: string | null } = {},
): Pick<Bulletin, 'revision' | 'history' | 'updatedAt'> {
  const revision = bulletin.revision + 1;
  const entry = {
    revision,
    action,
    version,
    by: actor.id,
    at: now,
    fields: extra.fields ?? [],
    comment: extra.comment ?? null,
  };
  return { revision, history: [...bulletin.history, entry], updatedAt: now };
}

function replaceVersion(bulletin: Bulletin, version: BulletinVersion): BulletinVersion[] {
  const others = bulletin.versions.filter((v) => v.number !== version.number);
  return [...others, version].sort((a, b) => a.number - b.number);
}

export function newBulletin(
  id: string,
  content: BulletinContent,
  actor: Actor,
  now: string,
): Bulletin {
  const version: BulletinVersion = {
    number: 1,
    state: 'draft',
    content,
    authorId: actor.id,
    editorIds: [actor.id],
    createdAt: now,
    updatedAt: now,
    submittedAt: null,
    reviewerId: null,
    publishedAt: null,
    rejections: [],
  };
  return {
    id,
    status: 'draft',
    versions: [version],
    publishedNumber: null,
    pendingNumber: 1,
    revision: 1,
    history: [
      {
        revision: 1,
        action: 'created',
        version: 1,
        by: actor.id,
        at: now,
        fields: [],
        comment: null,
      },
    ],
    retraction: null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * A draft is edited in place; editing a published bulletin starts version n+1 from the
 * published text, and the published version stays what readers see until n+1 is approved.
 */
export function editBulletin(
  bulletin: Bulletin,
  patch: Partial<BulletinContent>,
  actor: Actor,
  now: string,
): Bulletin {
  const fields = Object.keys(patch).sort();
  const pending = versionOf(bulletin, bulletin.pendingNumber);
  if (pending !== null) {
    if (pending.state !== 'draft') throw invalidTransition(bulletin, 'edit');
    const edited: BulletinVersion = {
      ...pending,
      content: { ...pending.content, ...patch },
      editorIds: pending.editorIds.includes(actor.id)
        ? pending.editorIds
        : [...pending.editorIds, actor.id],
      updatedAt: now,
    };
    return {
      ...bulletin,
      versions: replaceVersion(bulletin, edited),
      ...touch(bulletin, 'edited', edited.number, actor, now, { fields }),
    };
  }
  const published = versionOf(bulletin, bulletin.publishedNumber);
  if (bulletin.status !== 'published' || published === null)
    throw invalidTransition(bulletin, 'edit');
  const number = Math.max(...bulletin.versions.map((v) => v.number)) + 1;
  const next: BulletinVersion = {
    number,
    state: 'draft',
    content: { ...published.content, ...patch },
    authorId: actor.id,
    editorIds: [actor.id],
    createdAt: now,
    updatedAt: now,
    submittedAt: null,
    reviewerId: null,
    publishedAt: null,
    rejections: [],
  };
  return {
    ...bulletin,
    versions: [...bulletin.versions, next],
    pendingNumber: number,
    ...touch(bulletin, 'edited', number, actor, now, { fields }),
  };
}

function pendingIn(
  bulletin: Bulletin,
  state: 'draft' | 'in_review',
  action: Action,
): BulletinVersion {
  const pending = versionOf(bulletin, bulletin.pendingNumber);
  if (pending === null || pending.state !== state || bulletin.status === 'retracted') {
    throw invalidTransition(bulletin, action);
  }
  return pending;
}

/** Only the version's author submits it, and only text without personal data goes to review. */
export function submitBulletin(bulletin: Bulletin, actor: Actor, now: string): Bulletin {
  const pending = pendingIn(bulletin, 'draft', 'submit');
  if (pending.authorId !== actor.id) {
    throw forbidden({
      zh: '只有作者本人可以提交审核',
      en: 'Only the author submits a version for review',
    });
  }
  assertNoPersonalData(pending.content);
  const submitted: BulletinVersion = {
    ...pending,
    state: 'in_review',
    submittedAt: now,
    updatedAt: now,
  };
  const status: BulletinStatus = bulletin.status === 'published' ? 'published' : 'in_review';
  return {
    ...bulletin,
    status,
    versions: replaceVersion(bulletin, submitted),
    ...touch(bulletin, 'submitted', pending.number, actor, now),
  };
}

function assertNotOwnWork(version: BulletinVersion, actor: Actor): void {
  if (version.editorIds.includes(actor.id) || version.authorId === actor.id) {
    throw new AppError({
      status: 403,
      code: 'SELF_REVIEW',
      message: {
        zh: '不能审核自己撰写或修改过的简报',
        en: 'You cannot review a bulletin you wrote or edited',
      },
    });
  }
}

export function approveBulletin(bulletin: Bulletin, actor: Actor, now: string): Bulletin {
  const pending = pendingIn(bulletin, 'in_review', 'approve');
  assertNotOwnWork(pending, actor);
  assertNoPersonalData(pending.content);
  const versions = bulletin.versions.map((v): BulletinVersion => {
    if (v.number === pending.number)
      return { ...v, state: 'published', reviewerId: actor.id, publishedAt: now, updatedAt: now };
    if (v.state === 'published') return { ...v, state: 'superseded', updatedAt: now };
    return v;
  });
  return {
    ...bulletin,
    status: 'published',
    versions,
    publishedNumber: pending.number,
    pendingNumber: null,
    ...touch(bulletin, 'approved', pending.number, actor, now),
  };
}

export function rejectBulletin(
  bulletin: Bulletin,
  actor: Actor,
  comment: string,
  now: string,
): Bulletin {
  const pending = pendingIn(bulletin, 'in_review', 'reject');
  assertNotOwnWork(pending, actor);
  const rejected: BulletinVersion = {
    ...pending,
    state: 'draft',
    submittedAt: null,
    updatedAt: now,
    rejections: [...pending.rejections, { by: actor.id, at: now, comment }],
  };
  const status: BulletinStatus = bulletin.status === 'published' ? 'published' : 'draft';
  return {
    ...bulletin,
    status,
    versions: replaceVersion(bulletin, rejected),
    ...touch(bulletin, 'rejected', pending.number, actor, now, { comment }),
  };
}

/**
 * Takes the bulletin down for everyone; a version still pending is discarded with it. Reviewers
 * and coordinators retract any bulletin, an officer only one they wrote (ADR 034).
 */
export function retractBulletin(
  bulletin: Bulletin,
  actor: Actor,
  reason: string,
  now: string,
): Bulletin {
  if (actor.role === 'officer' && !writersOf(bulletin).includes(actor.id)) {
    throw forbidden({
      zh: '民警只能撤回自己撰写的简报',
      en: 'An officer retracts only a bulletin they wrote',
    });
  }
  const published = versionOf(bulletin, bulletin.publishedNumber);
  if (bulletin.status !== 'published' || published === null)
    throw invalidTransition(bulletin, 'retract');
  const versions = bulletin.versions.map((v): BulletinVersion => {
    if (v.number === published.number) return { ...v, state: 'retracted', updatedAt: now };
    if (v.number === bulletin.pendingNumber) return { ...v, state: 'discarded', updatedAt: now };
    return v;
  });
  return {
    ...bulletin,
    status: 'retracted',
    versions,
    pendingNumber: null,
    retraction: { reason, retractedBy: actor.id, retractedAt: now },
    ...touch(bulletin, 'retracted', published.number, actor, now, { comment: reason }),
  };
}
