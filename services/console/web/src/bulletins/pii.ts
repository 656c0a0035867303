// The personal-data check as the officer types: content's own pure guard, run per field of the form in the browser.
import {
  findPersonalData,
  type Finding,
} from '../../../../content/src/bulletins/personal-data.rules.ts';

export type { Finding };

/** The form's text fields; list fields hold one item per line (or, for tags, one per tag). */
export interface BulletinTexts {
  title: string;
  summary: string;
  body: string;
  region: string;
  occupation: string;
  modusOperandi: string;
  warningSigns: string;
  advice: string;
  tags: string[];
}

export type TextField = Exclude<keyof BulletinTexts, 'tags'>;

/** A finding in one field, its positions counted in the text the officer sees there. */
export interface FieldFinding extends Finding {
  field: keyof BulletinTexts;
  /** For tags, which tag; otherwise 0. */
  item: number;
  /** The number as written (the officer's own text, shown only to them). */
  text: string;
}

const LINE_FIELDS = new Set<TextField>(['warningSigns', 'advice']);

/**
 * Content checks each list item on its own (ADR 014), so a line field is scanned line by line,
 * with positions moved back into the whole text area.
 */
function scanText(field: TextField, text: string): FieldFinding[] {
  if (!LINE_FIELDS.has(field)) {
    return findPersonalData(text).map((f) => ({
      ...f,
      field,
      item: 0,
      text: text.slice(f.start, f.end),
    }));
  }
  const out: FieldFinding[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    for (const f of findPersonalData(line)) {
      out.push({
        ...f,
        start: f.start + offset,
        end: f.end + offset,
        field,
        item: 0,
        text: line.slice(f.start, f.end),
      });
    }
    offset += line.length + 1;
  }
  return out;
}

const TEXT_FIELDS: TextField[] = [
  'title',
  'summary',
  'body',
  'region',
  'occupation',
  'modusOperandi',
  'warningSigns',
  'advice',
];

/** Every finding in the form, field by field in the form's order. */
export function checkTexts(texts: BulletinTexts): FieldFinding[] {
  const inText = TEXT_FIELDS.flatMap((field) => scanText(field, texts[field]));
  const inTags = texts.tags.flatMap((tag, item) =>
    findPersonalData(tag).map((f) => ({
      ...f,
      field: 'tags' as const,
      item,
      text: tag.slice(f.start, f.end),
    })),
  );
  return [...inText, ...inTags];
}

/** `text` with the finding replaced by its masked form. */
export function masked(text: string, finding: Finding): string {
  return `${text.slice(0, finding.start)}${finding.masked}${text.slice(finding.end)}`;
}

/** A few characters either side of the finding, for showing where it is. */
export function excerpt(text: string, finding: Finding, around = 10) {
  const from = Math.max(0, finding.start - around);
  const to = Math.min(text.length, finding.end + around);
  return {
    before: `${from > 0 ? '…' : ''}${text.slice(from, finding.start)}`,
    number: text.slice(finding.start, finding.end),
    after: `${text.slice(finding.end, to)}${to < text.length ? '…' : ''}`,
  };
}
