// The liaison's phrases that carry a number: a waitlist place, a count of rows.
import type { Lang } from '../shared/texts.ts';

export function waitlistPlace(position: number, lang: Lang): string {
  return lang === 'zh' ? `候补第 ${position} 位` : `Waitlist #${position}`;
}

export function rowLabel(row: number, lang: Lang): string {
  return lang === 'zh' ? `第 ${row} 行` : `Row ${row}`;
}

export function peopleCount(count: number, lang: Lang): string {
  return lang === 'zh' ? `${count} 人` : `${count} ${count === 1 ? 'person' : 'people'}`;
}

/** `138****5678` for a mainland mobile; anything else as typed (a wrong number is shown so it can be fixed). */
export function maskedMobile(mobile: string): string {
  const digits = mobile.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? `${digits.slice(0, 3)}****${digits.slice(7)}` : mobile;
}
