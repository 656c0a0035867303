// Check-in at the venue, made for a phone: type the attendee's code (or scan their QR) and see who it was, big.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Input, Result, Space, Typography, type InputRef } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { api, ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { shanghaiTime } from '../shared/format.ts';
import { officerApi, type CheckInResult } from './api.ts';
import { CameraScanner } from './CameraScanner.tsx';
import { checkInBody } from './check-in-input.ts';
import { SessionFrame, useSessionId } from './SessionFrame.tsx';

type Outcome = { kind: 'done'; result: CheckInResult } | { kind: 'refused'; error: unknown };

/** Bank id → its name in the reader's language (the banks service's list). */
export function useBankNames(): (bankId: string) => string {
  const { lang } = useI18n();
  const banks = useQuery({ queryKey: ['banks'], queryFn: api.banks });
  return (bankId) => {
    const bank = banks.data?.items.find((b) => b.id === bankId);
    if (bank === undefined) return bankId;
    return lang === 'en' ? (bank.name.en ?? bank.name.zh) : bank.name.zh;
  };
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  const { t, pick, lang } = useI18n();
  const bankName = useBankNames();
  if (outcome.kind === 'done') {
    const { result } = outcome;
    return (
      <Result
        status="success"
        title={<span data-testid="checked-in-name">{result.attendee.name}</span>}
        subTitle={
          <Space orientation="vertical" size={2} style={{ fontSize: 18 }}>
            <span>{t('of_checkedIn')}</span>
            <span>{bankName(result.bankId)}</span>
            <span>{result.attendee.mobile}</span>
            <span>{shanghaiTime(result.checkedInAt, lang)}</span>
          </Space>
        }
      />
    );
  }
  const { error } = outcome;
  const already = error instanceof ApiError && error.code === 'ALREADY_CHECKED_IN';
  return (
    <Result
      status={already ? 'warning' : 'error'}
      title={already ? t('of_alreadyCheckedIn') : t('of_checkInRefused')}
      subTitle={
        <span style={{ fontSize: 18 }}>
          {error instanceof ApiError ? pick(error.text) : t('unavailable')}
        </span>
      }
    />
  );
}

export function CheckInPage() {
  const { t } = useI18n();
  const sessionId = useSessionId();
  const queryClient = useQueryClient();
  const input = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  /** What the box, a USB scanner and the camera all call: check in, show who, ready for the next. */
  const submit = useCallback(
    async (value: string) => {
      const body = checkInBody(value);
      if (body === null) return;
      setBusy(true);
      try {
        setOutcome({ kind: 'done', result: await officerApi.checkIn(sessionId, body) });
        await queryClient.invalidateQueries({ queryKey: ['of-registrations', sessionId] });
      } catch (error) {
        setOutcome({ kind: 'refused', error });
      } finally {
        setBusy(false);
        setText('');
        input.current?.focus();
      }
    },
    [sessionId, queryClient],
  );

  return (
    <SessionFrame heading="of_checkIn">
      {() => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small" className="of-no-print">
            <Typography.Paragraph>{t('of_checkInHint')}</Typography.Paragraph>
            <Input.Search
              ref={input}
              size="large"
              autoFocus
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              aria-label={t('of_codeLabel')}
              placeholder={t('of_codePlaceholder')}
              enterButton={t('of_checkInButton')}
              loading={busy}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
              }}
              onSearch={(value) => void submit(value)}
              style={{ fontSize: 24, letterSpacing: 2 }}
            />
          </Card>
          <CameraScanner onDecoded={(value) => void submit(value)} />
          <div role="status" aria-live="polite" data-testid="check-in-outcome">
            {outcome !== null && <OutcomeView outcome={outcome} />}
          </div>
        </Space>
      )}
    </SessionFrame>
  );
}
