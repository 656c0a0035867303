// Loads the email templates kept in services/notifier/templates and renders them with Handlebars, which escapes every value.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { z } from 'zod';
import { TEMPLATE_NAMES, type Language, type TemplateName } from './email.schemas.ts';
import { formatDate, formatDateTime, formatLabel, formatTime, formatYuan } from './format.rules.ts';

export const TEMPLATES_DIR = join(import.meta.dirname, '..', '..', 'templates');
const LANGUAGES: readonly Language[] = ['zh', 'en'];

interface Compiled {
  subject: Handlebars.TemplateDelegate;
  html: Handlebars.TemplateDelegate;
  text: Handlebars.TemplateDelegate;
}

export interface TemplateSet {
  render(
    name: TemplateName,
    lang: Language,
    data: object,
  ): { subject: string; html: string; text: string };
}

const Subjects = z.record(z.enum(TEMPLATE_NAMES), z.string().min(1));

function langOf(options: Handlebars.HelperOptions): Language {
  const lang: unknown = (options.data as { lang?: unknown } | undefined)?.lang;
  return lang === 'en' ? 'en' : 'zh';
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

/**
 * One Handlebars environment per language. Helpers return plain strings, which Handlebars
 * escapes like any other value in HTML (no helper returns a SafeString, and templates never
 * use the unescaped `{{{ }}}` form — templates.test.ts checks both). Text parts and subjects
 * are compiled without HTML escaping: they are not HTML.
 */
function environment(lang: Language, dir: string): typeof Handlebars {
  const hbs = Handlebars.create();
  hbs.registerHelper('datetime', (iso: unknown, o: Handlebars.HelperOptions) =>
    formatDateTime(str(iso), langOf(o)),
  );
  hbs.registerHelper('date', (iso: unknown, o: Handlebars.HelperOptions) =>
    formatDate(str(iso), langOf(o)),
  );
  hbs.registerHelper('time', (iso: unknown, o: Handlebars.HelperOptions) =>
    formatTime(str(iso), langOf(o)),
  );
  hbs.registerHelper('yuan', (fen: unknown, o: Handlebars.HelperOptions) =>
    formatYuan(Number(fen), langOf(o)),
  );
  hbs.registerHelper('label', (enumName: unknown, code: unknown, o: Handlebars.HelperOptions) =>
    formatLabel(str(enumName), str(code), langOf(o)),
  );
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // `_layout.hbs` → the partial `layout`, `_session-html.hbs` → `session-html`.
  for (const file of readdirSync(join(dir, lang))) {
    const partial = /^_([a-z-]+)\.hbs$/.exec(file)?.[1];
    if (partial !== undefined)
      hbs.registerPartial(partial, readFileSync(join(dir, lang, file), 'utf8'));
  }
  return hbs;
}

/** Reads and compiles every template of both languages; a missing file fails the start, not an email. */
export function loadTemplates(dir: string = TEMPLATES_DIR): TemplateSet {
  const compiled = new Map<string, Compiled>();
  for (const lang of LANGUAGES) {
    const hbs = environment(lang, dir);
    const subjects = Subjects.parse(
      JSON.parse(readFileSync(join(dir, lang, 'subjects.json'), 'utf8')),
    );
    for (const name of TEMPLATE_NAMES) {
      const read = (part: string) => readFileSync(join(dir, lang, `${name}.${part}.hbs`), 'utf8');
      const strict = { strict: true, knownHelpersOnly: false };
      compiled.set(`${lang}/${name}`, {
        subject: hbs.compile(subjects[name], { ...strict, noEscape: true }),
        html: hbs.compile(read('html'), strict),
        text: hbs.compile(read('text'), { ...strict, noEscape: true }),
      });
    }
  }
  return {
    render(name, lang, data) {
      const set = compiled.get(`${lang}/${name}`);
      if (set === undefined) throw new RangeError(`no template ${lang}/${name}`);
      const options = { data: { lang } };
      return {
        subject: set.subject(data, options).replace(/\s+/g, ' ').trim(),
        html: set.html(data, options),
        text:
          set
            .text(data, options)
            .replace(/\n{3,}/g, '\n\n')
            .trim() + '\n',
      };
    },
  };
}
