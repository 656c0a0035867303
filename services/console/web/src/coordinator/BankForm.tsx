// A bank's form in a dialog: a new partner bank, or the edit of one (only what changed is sent).
import { App as AntApp, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { BankType, optionsOf } from '../shared/labels.ts';
import { coordinatorApi, type Bank, type NewBank } from './api.ts';
import { showFieldErrors } from './form-errors.ts';

interface Values {
  code: string;
  nameZh: string;
  nameEn?: string;
  shortName: string;
  type: NewBank['type'];
  district: string;
  address: string;
  notes?: string;
}

const FIELD_OF: Record<string, string> = { 'name.zh': 'nameZh', 'name.en': 'nameEn' };

export function BankForm({
  bank,
  open,
  onClose,
  onSaved,
}: {
  bank?: Bank;
  open: boolean;
  onClose: () => void;
  onSaved: (bank: Bank) => void;
}) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const required = [{ required: true, whitespace: true, message: t('required') }];

  const submit = async (v: Values) => {
    const body: NewBank = {
      code: v.code,
      name: { zh: v.nameZh, en: v.nameEn === undefined || v.nameEn === '' ? null : v.nameEn },
      shortName: v.shortName,
      type: v.type,
      district: v.district,
      address: v.address,
      notes: v.notes === undefined || v.notes === '' ? null : v.notes,
    };
    setSaving(true);
    try {
      const saved =
        bank === undefined
          ? await coordinatorApi.createBank(body)
          : await coordinatorApi.updateBank(bank.id, body);
      void message.success(t('co_saved'));
      onSaved(saved);
    } catch (error) {
      const toast = showFieldErrors(form, error, lang, (p) => [FIELD_OF[p] ?? p]);
      if (toast !== undefined) void message.error(toast);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={bank === undefined ? t('co_newBank') : t('co_editBank')}
      okText={t('co_save')}
      cancelText={t('co_cancel')}
      confirmLoading={saving}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={
          bank === undefined
            ? { type: 'state_owned' }
            : {
                code: bank.code,
                nameZh: bank.name.zh,
                nameEn: bank.name.en ?? '',
                shortName: bank.shortName,
                type: bank.type,
                district: bank.district,
                address: bank.address,
                notes: bank.notes ?? '',
              }
        }
      >
        <Form.Item name="code" label={t('co_bankCode')} rules={required}>
          <Input maxLength={32} placeholder="ICBC-XH" />
        </Form.Item>
        <Form.Item name="nameZh" label={t('co_bankNameZh')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('co_bankNameEn')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="shortName" label={t('co_shortName')} rules={required}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="type" label={t('co_bankType')} rules={required}>
          <Select options={optionsOf(BankType, lang)} />
        </Form.Item>
        <Form.Item name="district" label={t('co_district')} rules={required}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="address" label={t('co_address')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="notes" label={t('co_notes')}>
          <Input.TextArea maxLength={1000} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
