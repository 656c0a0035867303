// A printable handout of the session's materials: the published bulletins matched to its audience, one per printed page.
import { PrinterOutlined } from '@ant-design/icons';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Button, Empty, Skeleton, Typography } from 'antd';
import { useI18n } from '../i18n.tsx';
import { officerApi, type Bulletin } from './api.ts';
import { Failure, SessionFrame, useSessionId } from './SessionFrame.tsx';
import { BulletinMarkdown } from '../bulletins/BulletinMarkdown.tsx';
import './handout.css';

function BulletinSheet({ bulletin }: { bulletin: Bulletin }) {
  const { t } = useI18n();
  return (
    <article className="of-handout-bulletin">
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        {bulletin.title}
      </Typography.Title>
      <Typography.Paragraph strong>{bulletin.summary}</Typography.Paragraph>
      <BulletinMarkdown text={bulletin.body} />
      {bulletin.warningSigns.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('of_warningSigns')}
          </Typography.Title>
          <ul>
            {bulletin.warningSigns.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      )}
      {bulletin.advice.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('of_advice')}
          </Typography.Title>
          <ul>
            {bulletin.advice.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

export function HandoutPage() {
  const { t } = useI18n();
  const sessionId = useSessionId();
  const materials = useQuery({
    queryKey: ['of-materials', sessionId],
    queryFn: () => officerApi.materials(sessionId),
  });
  const items = materials.data?.items ?? [];
  const bulletins = useQueries({
    queries: items.map((m) => ({
      queryKey: ['of-bulletin', m.bulletinId, m.version],
      queryFn: () => officerApi.bulletin(m.bulletinId),
    })),
  });
  return (
    <SessionFrame heading="of_handout">
      {() => (
        <div className="of-handout" data-testid="handout">
          <Button
            className="of-no-print"
            icon={<PrinterOutlined />}
            onClick={() => {
              window.print();
            }}
            style={{ marginBottom: 16 }}
          >
            {t('of_print')}
          </Button>
          {materials.isPending && <Skeleton active />}
          {materials.isError && <Failure error={materials.error} />}
          {materials.isSuccess && items.length === 0 && <Empty description={t('of_noMaterials')} />}
          {bulletins.map((b, i) =>
            b.data !== undefined ? (
              <BulletinSheet key={b.data.id} bulletin={b.data} />
            ) : (
              <Skeleton key={items[i]?.bulletinId ?? i} active />
            ),
          )}
        </div>
      )}
    </SessionFrame>
  );
}
