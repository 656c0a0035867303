// The writing form's values and their mapping to and from content's bulletin body (yuan ↔ fen, lines ↔ lists).
import type { AgeBand, Audience, Bulletin, BulletinDraft, FraudType } from './api.ts';
import type { BulletinTexts } from './pii.ts';

export interface FormValues extends BulletinTexts {
  fraudType: FraudType | undefined;
  caseDate: string;
  lossYuan: number | null;
  ageBand: AgeBand | null;
  audiences: Audience[];
}

export const EMPTY_FORM: FormValues = {
  title: '',
  fraudType: undefined,
  summary: '',
  body: '',
  caseDate: '',
  region: '',
  lossYuan: null,
  ageBand: null,
  occupation: '',
  modusOperandi: '',
  warningSigns: '',
  advice: '',
  audiences: [],
  tags: [],
};

const TEXT_KEYS = [
  'title',
  'summary',
  'body',
  'region',
  'occupation',
  'modusOperandi',
  'warningSigns',
  'advice',
] as const;

/** The form's store as values: antd leaves a cleared field undefined (or null), read here as empty. */
export function formValues(raw: Partial<FormValues>): FormValues {
  const values: FormValues = { ...EMPTY_FORM, ...raw };
  for (const key of TEXT_KEYS) {
    const value = raw[key];
    values[key] = typeof value === 'string' ? value : '';
  }
  values.tags = Array.isArray(raw.tags) ? raw.tags : [];
  values.audiences = Array.isArray(raw.audiences) ? raw.audiences : [];
  values.ageBand = raw.ageBand ?? null;
  values.lossYuan = raw.lossYuan ?? null;
  return values;
}

export function formOf(b: Bulletin): FormValues {
  return {
    title: b.title,
    fraudType: b.fraudType,
    summary: b.summary,
    body: b.body,
    caseDate: b.caseDate,
    region: b.region,
    lossYuan: b.lossFen / 100,
    ageBand: b.victimProfile.ageBand,
    occupation: b.victimProfile.occupation ?? '',
    modusOperandi: b.modusOperandi ?? '',
    warningSigns: b.warningSigns.join('\n'),
    advice: b.advice.join('\n'),
    audiences: b.audiences,
    tags: b.tags,
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The form's values once its rules passed (a fraud type chosen): the body content validates. */
export function draftOf(v: FormValues & { fraudType: FraudType }): BulletinDraft {
  return {
    title: v.title.trim(),
    fraudType: v.fraudType,
    summary: v.summary.trim(),
    body: v.body,
    caseDate: v.caseDate,
    region: v.region.trim(),
    lossFen: Math.round((v.lossYuan ?? 0) * 100),
    victimProfile: { ageBand: v.ageBand ?? null, occupation: orNull(v.occupation) },
    modusOperandi: orNull(v.modusOperandi),
    warningSigns: lines(v.warningSigns),
    advice: lines(v.advice),
    audiences: v.audiences,
    tags: v.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''),
  };
}
