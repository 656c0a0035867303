// A registration's status as a tag, with its place when waitlisted; colours dark enough to read (WCAG AA).
import { Tag } from 'antd';
import { useI18n } from '../i18n.tsx';
import type { RegistrationStatus } from './api.ts';
import { waitlistPlace } from './format.ts';

// Text on tint, each pair above 4.5:1 (antd's preset tag colours are lighter than that).
const COLOURS: Record<RegistrationStatus, { color: string; background: string; border: string }> = {
  confirmed: { color: '#135200', background: '#f6ffed', border: '#95de64' },
  waitlisted: { color: '#873800', background: '#fff7e6', border: '#ffc069' },
  pending: { color: '#10239e', background: '#f0f5ff', border: '#85a5ff' },
  cancelled: { color: '#434343', background: '#f5f5f5', border: '#bfbfbf' },
};

export function StatusTag({
  status,
  position,
}: {
  status: RegistrationStatus;
  position?: number | null | undefined;
}) {
  const { t, lang } = useI18n();
  const c = COLOURS[status];
  const label =
    status === 'waitlisted' && position !== undefined && position !== null
      ? waitlistPlace(position, lang)
      : t(`li_status_${status}`);
  return (
    <Tag
      style={{ color: c.color, background: c.background, borderColor: c.border }}
      data-testid="registration-status"
    >
      {label}
    </Tag>
  );
}
