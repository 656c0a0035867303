// The officer's home: the sessions they host, upcoming first (soonest at the top), then the last 90 days', with their counts.
import { useQueries, useQuery } from '@tanstack/react-query';
import { Card, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { OutreachSession } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useAccount } from '../shared/account.tsx';
import { shanghaiTime } from '../shared/format.ts';
import { officerApi } from './api.ts';
import { TAG_COLOURS } from './OfficerTheme.tsx';
import { Failure } from './SessionFrame.tsx';

/** How far back "my sessions" looks: the quarter an officer still follows up. */
const LOOK_BACK_MS = 90 * 86_400_000;

/** Upcoming (not yet ended) sessions first, soonest first; then the past, most recent first. */
export function hostedOrder(sessions: OutreachSession[], now: number): OutreachSession[] {
  const ends = (s: OutreachSession) => new Date(s.endsAt).getTime();
  const starts = (s: OutreachSession) => new Date(s.startsAt).getTime();
  const upcoming = sessions.filter((s) => ends(s) >= now).sort((a, b) => starts(a) - starts(b));
  const past = sessions.filter((s) => ends(s) < now).sort((a, b) => starts(b) - starts(a));
  return [...upcoming, ...past];
}

export function MySessions() {
  const account = useAccount();
  const { t, lang } = useI18n();
  const sessions = useQuery({
    queryKey: ['of-sessions', account.id],
    queryFn: () => officerApi.mySessions(account.id, new Date(Date.now() - LOOK_BACK_MS)),
  });
  const list = hostedOrder(sessions.data?.items ?? [], Date.now());
  // The attendance of each: one summary per session (an officer hosts a handful at a time).
  const summaries = useQueries({
    queries: list.map((s) => ({
      queryKey: ['of-summary', s.id],
      queryFn: () => officerApi.summary(s.id),
    })),
  });
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('of_mySessions')}
      </Typography.Title>
      {sessions.isError && <Failure error={sessions.error} />}
      <List
        loading={sessions.isPending}
        dataSource={list}
        locale={{ emptyText: t('of_noHosted') }}
        renderItem={(s, index) => {
          const totals = summaries[index]?.data?.totals;
          return (
            <List.Item>
              <Card style={{ width: '100%' }} size="small">
                <Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>
                  <Link to={`/sessions/${s.id}`}>{s.title}</Link>
                </Typography.Title>
                <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
                  {shanghaiTime(s.startsAt, lang)} · {s.venue.name}
                </Typography.Paragraph>
                <Tag color={s.status === 'scheduled' ? 'blue' : 'default'}>
                  {t(`of_status_${s.status}`)}
                </Tag>
                <Tag>
                  {t('confirmed')} {s.seats.confirmed}/{s.capacity}
                </Tag>
                <Tag>
                  {t('waitlisted')} {s.seats.waitlisted}
                </Tag>
                <Tag color={TAG_COLOURS.green}>
                  {t('of_attended')} {totals?.attended ?? '—'}
                </Tag>
              </Card>
            </List.Item>
          );
        }}
      />
    </>
  );
}
