// A bulletin's text for reading: its Markdown rendered safely (never raw HTML), lists as lists.
import { Descriptions, Space, Tag, Typography } from 'antd';
import { useI18n, type Lang } from '../i18n.tsx';
import type { Content } from './api.ts';
import { BulletinMarkdown } from './BulletinMarkdown.tsx';
import { useTaxonomy } from './taxonomy.ts';

export function yuan(fen: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    style: 'currency',
    currency: 'CNY',
  }).format(fen / 100);
}

const section = { fontSize: 16, margin: '16px 0 8px' } as const;

export function BulletinContent({ content: c }: { content: Content }) {
  const { t, lang } = useI18n();
  const taxonomy = useTaxonomy();
  const victim = [
    c.victimProfile.ageBand === null ? null : t(`bu_age_${c.victimProfile.ageBand}`),
    c.victimProfile.occupation,
  ].filter((part) => part !== null);
  return (
    <article>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color="red">{taxonomy.fraudTypeLabel(c.fraudType)}</Tag>
        {c.audiences.map((a) => (
          <Tag key={a} color="blue">
            {taxonomy.audienceLabel(a)}
          </Tag>
        ))}
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('bu_case_date')}>{c.caseDate}</Descriptions.Item>
        <Descriptions.Item label={t('bu_region')}>{c.region}</Descriptions.Item>
        <Descriptions.Item label={t('bu_loss')}>{yuan(c.lossFen, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('bu_victim')}>
          {victim.length === 0 ? t('bu_none') : victim.join('，')}
        </Descriptions.Item>
      </Descriptions>
      <h2 style={section}>{t('bu_summary')}</h2>
      <Typography.Paragraph strong>{c.summary}</Typography.Paragraph>
      <h2 style={section}>{t('bu_content')}</h2>
      {/* Stored Markdown as elements; any HTML in it stays visible text (BulletinMarkdown). */}
      <BulletinMarkdown text={c.body} />
      {c.modusOperandi !== null && (
        <>
          <h2 style={section}>{t('bu_modus')}</h2>
          <BulletinMarkdown text={c.modusOperandi} />
        </>
      )}
      <h2 style={section}>{t('bu_signs_heading')}</h2>
      <ul>
        {c.warningSigns.map((sign, i) => (
          <li key={i}>{sign}</li>
        ))}
      </ul>
      <h2 style={section}>{t('bu_advice_heading')}</h2>
      <ul>
        {c.advice.map((point, i) => (
          <li key={i}>{point}</li>
        ))}
      </ul>
      {c.tags.length > 0 && (
        <Space wrap>
          {c.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </Space>
      )}
    </article>
  );
}
