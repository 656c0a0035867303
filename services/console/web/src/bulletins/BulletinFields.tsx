// The bulletin form's fields (antd Form.Items), each with the personal-data findings of its text shown under it.
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n.tsx';
import type { AgeBand } from './api.ts';
import type { FormValues } from './form-values.ts';
import type { BulletinTexts } from './pii.ts';
import { useTaxonomy } from './taxonomy.ts';

const AGE_BANDS: AgeBand[] = ['under_18', '18_29', '30_44', '45_59', '60_plus'];

interface Props {
  /** The findings notice for a field, or null when it has none. */
  notice: (field: keyof BulletinTexts) => ReactNode;
  /** Whether a field's text holds personal data (it is then shown in error). */
  flagged: (field: keyof BulletinTexts) => boolean;
}

export function BulletinFields({ notice, flagged }: Props) {
  const { t } = useI18n();
  const taxonomy = useTaxonomy();
  // `whitespace` makes antd check the value as a string, so it goes on text fields only.
  const required = { required: true, message: t('required') };
  const requiredText = { ...required, whitespace: true };
  const max = (n: number) => ({ max: n, message: `≤ ${n}` });
  const status = (field: keyof BulletinTexts): 'error' | undefined =>
    flagged(field) ? 'error' : undefined;
  const text = (field: keyof BulletinTexts & keyof FormValues) => ({
    name: field,
    validateStatus: status(field),
    extra: notice(field),
  });
  return (
    <>
      <Form.Item {...text('title')} label={t('bu_title')} rules={[requiredText, max(100)]}>
        <Input />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="fraudType" label={t('bu_fraud_type')} rules={[required]}>
            <Select options={taxonomy.fraudTypes} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="audiences" label={t('bu_audiences')} rules={[required]}>
            <Select
              mode="multiple"
              options={taxonomy.audiences}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item {...text('summary')} label={t('bu_summary')} rules={[requiredText, max(1000)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item {...text('body')} label={t('bu_body')} rules={[requiredText, max(20_000)]}>
        <Input.TextArea autoSize={{ minRows: 6, maxRows: 20 }} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12} md={8}>
          <Form.Item name="caseDate" label={t('bu_case_date')} rules={[requiredText]}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8}>
          <Form.Item {...text('region')} label={t('bu_region')} rules={[requiredText, max(50)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8}>
          <Form.Item name="lossYuan" label={t('bu_loss')} rules={[required]}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8}>
          <Form.Item name="ageBand" label={t('bu_age_band')}>
            <Select
              allowClear
              options={AGE_BANDS.map((band) => ({ value: band, label: t(`bu_age_${band}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8}>
          <Form.Item {...text('occupation')} label={t('bu_occupation')} rules={[max(50)]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item {...text('modusOperandi')} label={t('bu_modus')} rules={[max(2000)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item {...text('warningSigns')} label={t('bu_warning_signs')} rules={[requiredText]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item {...text('advice')} label={t('bu_advice')} rules={[requiredText]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item {...text('tags')} label={t('bu_tags')}>
        <Select mode="tags" open={false} />
      </Form.Item>
    </>
  );
}
