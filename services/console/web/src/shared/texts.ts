// The shape of the web app's bilingual texts, shared by every area's dictionary.
export type Lang = 'zh' | 'en';

/** A text in both languages: Simplified Chinese first. */
export interface Bilingual {
  zh: string;
  en: string;
}

export type Texts = Record<string, Bilingual>;
