// One hosted session at a glance: seats, attendance, feedback and opinions, each a link to its page.
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import { useI18n, type TextKey } from '../i18n.tsx';
import { officerApi } from './api.ts';
import { SessionFrame, useSessionId } from './SessionFrame.tsx';

export function SessionPage() {
  const { t } = useI18n();
  const sessionId = useSessionId();
  const summary = useQuery({
    queryKey: ['of-summary', sessionId],
    queryFn: () => officerApi.summary(sessionId),
  });
  const s = summary.data;
  const tiles: { label: TextKey; value: number | undefined; to: string }[] = [
    { label: 'confirmed', value: s?.totals.confirmed, to: 'attendance' },
    { label: 'waitlisted', value: s?.totals.waitlisted, to: 'attendance' },
    { label: 'of_attended', value: s?.totals.attended, to: 'check-in' },
    { label: 'of_responses', value: s?.feedback.responses, to: 'feedback' },
    {
      label: 'of_openOpinions',
      value: s === undefined ? undefined : s.opinions.open + s.opinions.in_progress,
      to: 'opinions',
    },
  ];
  return (
    <SessionFrame heading="of_overview">
      {() => (
        <Row gutter={[12, 12]}>
          {tiles.map((tile) => (
            <Col key={tile.label} xs={12} sm={8} md={6}>
              <Link to={`/sessions/${sessionId}/${tile.to}`}>
                <Card size="small" hoverable>
                  <Statistic title={t(tile.label)} value={tile.value ?? '—'} />
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </SessionFrame>
  );
}
