// Dates and times as people in Xianghe read them: Asia/Shanghai, in the reader's language.
import type { Lang } from './texts.ts';

export function shanghaiTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}
