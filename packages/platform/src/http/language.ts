// Picks the language of human-readable error messages from Accept-Language: zh-CN by default, English on request.
import type { FastifyRequest } from 'fastify';

/**
 * Every `message` the API writes exists in Simplified Chinese and English. Chinese is the
 * default because the users are county police and bank staff; a client that prefers English
 * (`Accept-Language: en`, or `en` weighted above `zh`) gets English. `code` is the stable,
 * language-free contract; messages are for people.
 */
export type Language = 'zh' | 'en';

export type { LocalizedText } from '../errors/app-error.ts';

export function preferredLanguage(acceptLanguage: string | undefined): Language {
  if (acceptLanguage === undefined) return 'zh';
  let best: { language: Language; quality: number } | undefined;
  for (const part of acceptLanguage.split(',').slice(0, 20)) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const language: Language | undefined = tag.startsWith('zh')
      ? 'zh'
      : tag.startsWith('en')
        ? 'en'
        : undefined;
    if (language === undefined) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(quality) || quality <= 0) continue;
    if (best === undefined || quality > best.quality) best = { language, quality };
  }
  return best?.language ?? 'zh';
}

export function languageOf(request: FastifyRequest): Language {
  return preferredLanguage(request.headers['accept-language']);
}

export const CONTENT_LANGUAGE: Record<Language, string> = { zh: 'zh-CN', en: 'en' };
