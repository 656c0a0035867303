// How values read in an email: times in Asia/Shanghai, money in yuan, codes as their zh/en labels.
import { labelOf, LABELLED_ENUMS, type LabelledEnum } from '@lianxin/contracts';
import type { Language } from './email.schemas.ts';

export const TIME_ZONE = 'Asia/Shanghai';

const LOCALES: Record<Language, string> = { zh: 'zh-CN', en: 'en-GB' };

/** `2026年12月2日星期三 09:30` / `Wednesday 2 December 2026 at 09:30`, in Beijing time. */
export function formatDateTime(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    timeZone: TIME_ZONE,
    dateStyle: 'full',
    timeStyle: 'short',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

export function formatDate(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { timeZone: TIME_ZONE, dateStyle: 'long' }).format(
    new Date(iso),
  );
}

export function formatTime(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    timeZone: TIME_ZONE,
    timeStyle: 'short',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** Fen (integer) as yuan: `¥380,000.00`. */
export function formatYuan(fen: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'CNY' }).format(
    fen / 100,
  );
}

type EnumName = keyof typeof LABELLED_ENUMS;

function isEnumName(name: string): name is EnumName {
  return Object.hasOwn(LABELLED_ENUMS, name);
}

/** The label of `code` in the enum called `enumName` (e.g. `FraudType`); the code itself if unknown. */
export function formatLabel(enumName: string, code: string, lang: Language): string {
  if (!isEnumName(enumName)) throw new RangeError(`no labelled enum ${enumName}`);
  const schema: LabelledEnum<string> = LABELLED_ENUMS[enumName];
  return Object.hasOwn(schema.labels, code) ? labelOf(schema, code, lang) : code;
}
