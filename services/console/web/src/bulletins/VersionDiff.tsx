// Field-by-field differences between two versions of a bulletin, by characters (Chinese has no spaces to split words on).
import { Descriptions, Typography } from 'antd';
import { diffChars, type ChangeObject } from 'diff';
import { useI18n, type TextKey } from '../i18n.tsx';
import type { Content } from './api.ts';
import { yuan } from './BulletinContent.tsx';
import { useTaxonomy, type Taxonomy } from './taxonomy.ts';

/** Past this many edits the two texts are shown whole, one removed and one added, rather than stalling the page. */
const MAX_EDIT_LENGTH = 4000;

type Translate = (key: TextKey) => string;

/** Each compared field as text, in the order the form shows them. */
function fieldsOf(c: Content, t: Translate, tax: Taxonomy, lang: 'zh' | 'en') {
  const list = (items: string[]) => items.join('\n');
  return [
    ['bu_title', c.title],
    ['bu_fraud_type', tax.fraudTypeLabel(c.fraudType)],
    ['bu_audiences', c.audiences.map(tax.audienceLabel).join('、')],
    ['bu_summary', c.summary],
    ['bu_body', c.body],
    ['bu_case_date', c.caseDate],
    ['bu_region', c.region],
    ['bu_loss', yuan(c.lossFen, lang)],
    ['bu_age_band', c.victimProfile.ageBand === null ? '' : t(`bu_age_${c.victimProfile.ageBand}`)],
    ['bu_occupation', c.victimProfile.occupation ?? ''],
    ['bu_modus', c.modusOperandi ?? ''],
    ['bu_signs_heading', list(c.warningSigns)],
    ['bu_advice_heading', list(c.advice)],
    ['bu_tags', c.tags.join('、')],
  ] as const satisfies readonly (readonly [TextKey, string])[];
}

export function changesOf(before: string, after: string): ChangeObject<string>[] {
  const parts = diffChars(before, after, { maxEditLength: MAX_EDIT_LENGTH });
  if (parts !== undefined) return parts;
  return [
    { value: before, added: false, removed: true, count: before.length },
    { value: after, added: true, removed: false, count: after.length },
  ];
}

// Dark text on pale green / red: readable (contrast above 7:1) and distinct without colour too (underline, strike).
const ADDED = { background: '#d9f7be', color: '#092b00', textDecoration: 'underline' };
const REMOVED = { background: '#ffccc7', color: '#5c0011', textDecoration: 'line-through' };

function Changes({ parts }: { parts: ChangeObject<string>[] }) {
  const { t } = useI18n();
  return (
    <span style={{ whiteSpace: 'pre-wrap' }}>
      {parts.map((part, i) =>
        part.added ? (
          <ins key={i} style={ADDED} title={t('bu_added')}>
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={i} style={REMOVED} title={t('bu_removed')}>
            {part.value}
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </span>
  );
}

export function VersionDiff({ before, after }: { before: Content; after: Content }) {
  const { t, lang } = useI18n();
  const taxonomy = useTaxonomy();
  const old = fieldsOf(before, t, taxonomy, lang);
  const next = fieldsOf(after, t, taxonomy, lang);
  const rows = next.map(([key, text], i) => ({ key, before: old[i]?.[1] ?? '', after: text }));
  const changed = rows.filter((r) => r.before !== r.after);
  const same = rows.filter((r) => r.before === r.after);
  return (
    <div data-testid="version-diff">
      {changed.length === 0 ? (
        <Typography.Paragraph>{t('bu_no_changes')}</Typography.Paragraph>
      ) : (
        <Descriptions bordered size="small" column={1}>
          {changed.map((r) => (
            <Descriptions.Item key={r.key} label={t(r.key)}>
              <Changes parts={changesOf(r.before, r.after)} />
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      {same.length > 0 && (
        <Typography.Paragraph style={{ marginTop: 8 }}>
          {t('bu_unchanged')}：{same.map((r) => t(r.key)).join('、')}
        </Typography.Paragraph>
      )}
    </div>
  );
}
