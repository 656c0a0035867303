// Schedule a session: forums inviting banks, campus/rider/enterprise talks; venue and officer conflicts shown as you type.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { Audience, FraudType, optionsOf, SessionFormat, SessionKind } from '../shared/labels.ts';
import { coordinatorApi, type NewSession } from './api.ts';
import { ConflictAlerts, planOf, useConflicts } from './conflicts.tsx';
import { showFieldErrors } from './form-errors.ts';

/** What the date pickers hold (a Dayjs; only these methods are used). */
interface Instant {
  toISOString(): string;
  valueOf(): number;
}

interface Values {
  kind: NewSession['kind'];
  format: NewSession['format'];
  title: string;
  venueName: string;
  venueAddress: string;
  organisingUnit: string;
  hostOfficerIds: string[];
  startsAt?: Instant | null;
  endsAt?: Instant | null;
  capacity: number;
  perBankQuota?: number | null;
  invitedBankIds?: string[];
  audiences: NewSession['audiences'];
  fraudTopics?: NewSession['fraudTopics'];
  description?: string;
}

const TIME_FORMAT = 'YYYY-MM-DD HH:mm';

/** Where a service's detail path lands in this form. */
function fieldOf(path: string): string[] | undefined {
  if (path === 'venue' || path === 'venue.name') return ['venueName'];
  if (path === 'venue.address') return ['venueAddress'];
  if (path.startsWith('hostOfficerIds')) return ['hostOfficerIds'];
  if (path.startsWith('invitedBankIds')) return ['invitedBankIds'];
  if (path.startsWith('registration')) return ['startsAt'];
  return path === '' ? undefined : [path.split('.')[0] ?? path];
}

export function SchedulePage() {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const officers = useQuery({
    queryKey: ['co', 'accounts', 'officer'],
    queryFn: () => coordinatorApi.accounts({ role: 'officer', status: 'active' }),
  });
  const banks = useQuery({
    queryKey: ['co', 'banks', 'active'],
    queryFn: () => coordinatorApi.banks({ status: 'active' }),
  });
  const values = Form.useWatch([], form) as Partial<Values> | undefined;
  const kind = values?.kind ?? 'bank_forum';
  const { conflicts, checking, failed, checked } = useConflicts(planOf(values ?? {}));
  const officerName = (id: string) => officers.data?.items.find((o) => o.id === id)?.name ?? id;

  const submit = async (v: Values) => {
    if (v.startsAt == null || v.endsAt == null) return;
    const forum = v.kind === 'bank_forum';
    const body: NewSession = {
      title: v.title,
      kind: v.kind,
      format: v.format,
      startsAt: v.startsAt.toISOString(),
      endsAt: v.endsAt.toISOString(),
      venue: { name: v.venueName, address: v.venueAddress },
      organisingUnit: v.organisingUnit,
      hostOfficerIds: v.hostOfficerIds,
      capacity: v.capacity,
      perBankQuota: forum ? (v.perBankQuota ?? null) : null,
      invitedBankIds: forum ? (v.invitedBankIds ?? []) : [],
      audiences: v.audiences,
      fraudTopics: v.fraudTopics ?? [],
      description:
        v.description === undefined || v.description.trim() === '' ? null : v.description,
    };
    setSaving(true);
    try {
      const session = await coordinatorApi.schedule(body);
      void message.success(t('co_scheduled'));
      await queryClient.invalidateQueries({ queryKey: ['co'] });
      void navigate(`/sessions/${session.id}/registrations`);
    } catch (error) {
      // A race lost after the check (someone booked the slot meanwhile) still lands on its field.
      const toast = showFieldErrors(form, error, lang, fieldOf);
      if (toast !== undefined) void message.error(toast);
      void queryClient.invalidateQueries({ queryKey: ['co', 'conflicts'] });
    } finally {
      setSaving(false);
    }
  };

  const required = [{ required: true, message: t('required') }];
  const text = [{ required: true, whitespace: true, message: t('required') }];

  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('co_scheduleTitle')}</h1>
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={{
            kind: 'bank_forum',
            format: 'open_forum',
            organisingUnit: '香河县公安局反诈中心',
            capacity: 50,
            audiences: ['bank_staff'],
            hostOfficerIds: [],
          }}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="kind" label={t('co_kind')} rules={required}>
                <Select options={optionsOf(SessionKind, lang)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="format" label={t('co_format')} rules={required}>
                <Select options={optionsOf(SessionFormat, lang)} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="title" label={t('co_sessionTitle')} rules={text}>
                <Input maxLength={120} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="startsAt" label={t('co_startsAt')} rules={required}>
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format={TIME_FORMAT}
                  needConfirm={false}
                  style={{ width: '100%' }}
                  disabledDate={(d) => d.valueOf() < Date.now() - 86_400_000}
                  onChange={(d) => {
                    if (d !== null && form.getFieldValue('endsAt') == null)
                      form.setFieldValue('endsAt', d.add(2, 'hour'));
                  }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="endsAt"
                label={t('co_endsAt')}
                dependencies={['startsAt']}
                rules={[
                  ...required,
                  ({ getFieldValue }) => ({
                    validator: (_, end: Instant | null | undefined) => {
                      const start = getFieldValue('startsAt') as Instant | null | undefined;
                      return start == null || end == null || end.valueOf() > start.valueOf()
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('co_endAfterStart')));
                    },
                  }),
                ]}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format={TIME_FORMAT}
                  needConfirm={false}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="venueName" label={t('co_venueName')} rules={text}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="venueAddress" label={t('co_venueAddress')} rules={text}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <ConflictAlerts conflicts={conflicts} path="venue" officerName={officerName} />
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="organisingUnit" label={t('co_organisingUnit')} rules={text}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="hostOfficerIds"
                label={t('co_officers')}
                rules={[{ required: true, type: 'array', min: 1, message: t('required') }]}
                {...(officers.data?.items.length === 0 ? { help: t('co_noOfficers') } : {})}
              >
                <Select
                  mode="multiple"
                  loading={officers.isPending}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(officers.data?.items ?? []).map((o) => ({
                    value: o.id,
                    label: `${o.name}（${o.email}）`,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <ConflictAlerts
                conflicts={conflicts}
                path="hostOfficerIds"
                officerName={officerName}
              />
              <div aria-live="polite" style={{ minHeight: 24, marginBottom: 12 }}>
                {checking && <Typography.Text type="secondary">{t('co_checking')}</Typography.Text>}
                {failed && <Alert type="warning" showIcon title={t('co_conflictsUnavailable')} />}
                {checked && conflicts.length === 0 && (
                  <Alert type="success" showIcon title={t('co_slotFree')} data-testid="slot-free" />
                )}
              </div>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="capacity" label={t('co_capacity')} rules={required}>
                <InputNumber min={1} max={10_000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            {kind === 'bank_forum' && (
              <Col xs={12} md={6}>
                <Form.Item name="perBankQuota" label={t('co_quota')} extra={t('co_quotaHint')}>
                  <InputNumber min={1} max={10_000} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            )}
            {kind === 'bank_forum' && (
              <Col xs={24} md={12}>
                <Form.Item
                  name="invitedBankIds"
                  label={t('co_invitedBanks')}
                  rules={[{ required: true, type: 'array', min: 1, message: t('required') }]}
                >
                  <Select
                    mode="multiple"
                    loading={banks.isPending}
                    showSearch={{ optionFilterProp: 'label' }}
                    options={(banks.data?.items ?? []).map((b) => ({
                      value: b.id,
                      label: `${b.shortName}（${b.code}）`,
                    }))}
                  />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={12}>
              <Form.Item
                name="audiences"
                label={t('co_audiences')}
                rules={[{ required: true, type: 'array', min: 1, message: t('required') }]}
              >
                <Select
                  mode="multiple"
                  options={optionsOf(Audience, lang)}
                  showSearch={{ optionFilterProp: 'label' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="fraudTopics" label={t('co_fraudTopics')}>
                <Select
                  mode="multiple"
                  options={optionsOf(FraudType, lang)}
                  showSearch={{ optionFilterProp: 'label' }}
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="description" label={t('co_description')}>
                <Input.TextArea maxLength={2000} rows={3} />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('co_submitSchedule')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
