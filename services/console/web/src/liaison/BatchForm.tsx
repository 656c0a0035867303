// Registering up to 50 people at once: paste from Excel or upload a .csv/.xlsx, check the rows, send them in one request, see each row's result or error beside it.
import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, Space, Table, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError, type ErrorText } from '../api.ts';
import { useI18n, type TextKey } from '../i18n.tsx';
import { liaisonApi, type AttendeeBody, type BatchResult } from './api.ts';
import { maskedMobile, peopleCount, rowLabel } from './format.ts';
import {
  problemsByRow,
  rosterFromFile,
  rosterFromText,
  type RosterField,
  type RowProblem,
} from './roster.ts';
import { ScrollRegion } from './ScrollRegion.tsx';
import { StatusTag } from './StatusTag.tsx';

const FIELD_LABEL: Record<RosterField, TextKey> = {
  name: 'li_attendeeName',
  mobile: 'li_mobile',
  position: 'li_position',
  branch: 'li_branch',
  email: 'li_email',
};

// Dark enough on white to read (antd's error red is not, at 3.3:1).
const ERROR_RED = '#a8071a';

/** Rows back to tab-separated text, so an uploaded file lands in the box where it can be edited. */
function asText(rows: readonly AttendeeBody[]): string {
  return rows
    .map((r) =>
      [r.name, r.mobile, r.position ?? '', r.branch ?? '', r.email ?? ''].join('\t').trimEnd(),
    )
    .join('\n');
}

interface Row {
  index: number;
  attendee: AttendeeBody;
  problems: RowProblem[];
  result: BatchResult['results'][number] | undefined;
}

export function BatchForm({ sessionId }: { sessionId: string }) {
  const { t, pick, lang } = useI18n();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [fileError, setFileError] = useState<TextKey | null>(null);
  const [problems, setProblems] = useState<Map<number, RowProblem[]>>(new Map());
  const [results, setResults] = useState<BatchResult | null>(null);
  const [failure, setFailure] = useState<ErrorText | null>(null);
  const [busy, setBusy] = useState(false);
  const parsed = useMemo(() => rosterFromText(text), [text]);
  const attendees = parsed.ok ? parsed.rows : [];

  const edit = (next: string) => {
    setText(next);
    setProblems(new Map());
    setResults(null);
    setFailure(null);
    setFileError(null);
  };

  const upload = async (file: File) => {
    const read = await rosterFromFile(file.name, await file.arrayBuffer());
    if (read.ok) edit(asText(read.rows));
    else setFileError(read.reason === 'too_many' ? 'li_tooMany' : 'li_unreadable');
  };

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setResults(await liaisonApi.registerBatch(sessionId, attendees));
      setProblems(new Map());
      await queryClient.invalidateQueries({ queryKey: ['li'] });
    } catch (e) {
      const byRow =
        e instanceof ApiError && e.status === 400
          ? problemsByRow(e.details)
          : new Map<number, RowProblem[]>();
      setProblems(byRow);
      // Not about rows (the session closed, the service down): said once, above the list.
      if (byRow.size === 0) {
        setFailure(e instanceof ApiError ? e.text : { zh: '网络错误', en: 'Network error' });
      }
    } finally {
      setBusy(false);
    }
  };

  const rows: Row[] = attendees.map((attendee, index) => ({
    index,
    attendee,
    problems: problems.get(index) ?? [],
    result: results?.results.find((r) => r.index === index),
  }));
  const wrong = rows.filter((r) => r.problems.length > 0).length;
  const dash = (v: string | null | undefined) =>
    v === null || v === undefined || v === '' ? '—' : v;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <label htmlFor="roster-paste" style={{ display: 'block', marginBottom: 8 }}>
          {t('li_pasteLabel')}
        </label>
        <Input.TextArea
          id="roster-paste"
          value={text}
          onChange={(e) => {
            edit(e.target.value);
          }}
          placeholder={t('li_pastePlaceholder')}
          autoSize={{ minRows: 4, maxRows: 12 }}
          spellCheck={false}
        />
      </div>
      <Upload
        accept=".csv,.xlsx,.txt,text/csv"
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />}>{t('li_upload')}</Button>
      </Upload>
      {fileError !== null && <Alert type="error" role="alert" showIcon title={t(fileError)} />}
      {!parsed.ok && parsed.reason === 'too_many' && (
        <Alert
          type="error"
          role="alert"
          showIcon
          title={`${t('li_tooMany')}（${peopleCount(parsed.count, lang)}）`}
        />
      )}
      {wrong > 0 && (
        <Alert type="error" role="alert" showIcon title={`${wrong} ${t('li_rowsWrong')}`} />
      )}
      {failure !== null && <Alert type="error" role="alert" showIcon title={pick(failure)} />}
      {results !== null && <Alert type="info" role="status" showIcon title={t('li_batchDone')} />}
      {rows.length > 0 && (
        <ScrollRegion label={t('li_rows')} testId="roster">
          <Table<Row>
            caption={
              <Typography.Text strong>
                {t('li_rows')}（{peopleCount(rows.length, lang)}）
              </Typography.Text>
            }
            size="small"
            rowKey="index"
            pagination={false}
            style={{ minWidth: 720 }}
            // Fixed: cells wrap inside the table, so only the region around it scrolls (and takes focus).
            tableLayout="fixed"
            dataSource={rows}
            columns={[
              {
                title: t('li_row'),
                key: 'row',
                width: 70,
                render: (_, r) => rowLabel(r.index + 1, lang),
              },
              {
                title: t('li_result'),
                key: 'result',
                // Beside the row number, so a phone shows each row's error without scrolling.
                width: 200,
                render: (_, r) => <RowOutcome row={r} />,
              },
              { title: t('li_attendeeName'), key: 'name', render: (_, r) => dash(r.attendee.name) },
              {
                title: t('li_mobile'),
                key: 'mobile',
                render: (_, r) => dash(maskedMobile(r.attendee.mobile)),
              },
              {
                title: t('li_position'),
                key: 'position',
                render: (_, r) => dash(r.attendee.position),
              },
              { title: t('li_branch'), key: 'branch', render: (_, r) => dash(r.attendee.branch) },
            ]}
          />
        </ScrollRegion>
      )}
      <Button
        type="primary"
        disabled={attendees.length === 0 || busy}
        loading={busy}
        onClick={() => void submit()}
      >
        {t('li_submitBatch')}
        {attendees.length > 0 && `（${peopleCount(attendees.length, lang)}）`}
      </Button>
    </Space>
  );
}

/** A row's errors (each with its field), or what the service did with it. */
function RowOutcome({ row }: { row: Row }) {
  const { t, pick } = useI18n();
  if (row.problems.length > 0) {
    return (
      <ul style={{ margin: 0, paddingInlineStart: 16, color: ERROR_RED }} data-testid="row-error">
        {row.problems.map((p, i) => (
          <li key={i}>
            {p.field === null ? '' : `${t(FIELD_LABEL[p.field])}：`}
            {pick(p.message)}
          </li>
        ))}
      </ul>
    );
  }
  const result = row.result;
  if (result === undefined) return null;
  if (result.registration !== null) {
    return (
      <StatusTag
        status={result.registration.status}
        position={result.registration.waitlist?.position}
      />
    );
  }
  return (
    <span style={{ color: ERROR_RED }} data-testid="row-error">
      {result.error === null ? '' : pick(result.error.message)}
    </span>
  );
}
