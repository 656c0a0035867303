// The session's public feedback link and its QR code, for the officer to project or print in the room (ADR 035).
import { Card, QRCode, Space, Typography } from 'antd';
import { useI18n } from '../i18n.tsx';

/** The page attendees open: on this console, reached without an account. */
export function roomFeedbackUrl(sessionId: string): string {
  return `${window.location.origin}/feedback/${sessionId}`;
}

export function RoomFeedbackLink({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const url = roomFeedbackUrl(sessionId);
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('of_roomLink')}</h2>}>
      <Space orientation="vertical" align="center" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {t('of_roomLinkHint')}
        </Typography.Paragraph>
        <QRCode
          value={url}
          size={220}
          bordered={false}
          color="#000000"
          bgColor="#ffffff"
          aria-label={t('of_roomLinkQr')}
        />
        <Typography.Link
          href={url}
          target="_blank"
          copyable={{ text: url }}
          data-testid="room-feedback-link"
          style={{ wordBreak: 'break-all' }}
        >
          {url}
        </Typography.Link>
      </Space>
    </Card>
  );
}
