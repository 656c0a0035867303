// Under a field: each unmasked number found in it, highlighted where it stands, with its masked form one click away.
import { Button, Space, Typography } from 'antd';
import { useI18n } from '../i18n.tsx';
import { excerpt, type FieldFinding } from './pii.ts';

interface Props {
  /** The field's findings (already debounced). */
  findings: FieldFinding[];
  /** The text each finding's positions refer to (for tags: the tag). */
  textOf: (finding: FieldFinding) => string;
  onMask: (finding: FieldFinding) => void;
}

export function PiiNotice({ findings, textOf, onMask }: Props) {
  const { t } = useI18n();
  if (findings.length === 0) return null;
  return (
    <ul
      data-testid="pii-field-finding"
      style={{ margin: '4px 0 0', paddingInlineStart: 18, color: '#a8071a' }}
    >
      {findings.map((f) => {
        const part = excerpt(textOf(f), f);
        return (
          <li key={`${f.field}-${f.item}-${f.start}`}>
            <Space wrap size={4}>
              <Typography.Text strong style={{ color: '#a8071a' }}>
                {t(`bu_pii_${f.kind}`)}
              </Typography.Text>
              <span>
                {part.before}
                <mark style={{ background: '#ffccc7', color: '#5c0011' }}>{part.number}</mark>
                {part.after}
              </span>
              <span>
                {t('bu_pii_write')} <code>{f.masked}</code>
              </span>
              <Button
                size="small"
                onClick={() => {
                  onMask(f);
                }}
              >
                {t('bu_pii_mask')}
              </Button>
            </Space>
          </li>
        );
      })}
    </ul>
  );
}
