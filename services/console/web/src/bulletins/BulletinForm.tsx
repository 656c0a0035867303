// Writing a bulletin: the form, the personal-data check as the officer types (debounced), save as draft, submit for review.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { bulletinsApi, type Bulletin } from './api.ts';
import { BulletinFields } from './BulletinFields.tsx';
import { draftOf, EMPTY_FORM, formOf, formValues, type FormValues } from './form-values.ts';
import { PiiNotice } from './PiiNotice.tsx';
import { checkTexts, masked, type BulletinTexts, type FieldFinding } from './pii.ts';

/** How long typing must pause before the check runs again (the guard itself takes well under 1 ms). */
const CHECK_DELAY_MS = 300;

/** Whether this version can still be written into (a draft, or a published bulletin's next version). */
export function editable(b: Bulletin | undefined): boolean {
  if (b === undefined) return true;
  if (b.status === 'retracted') return false;
  return b.pendingVersion === null ? b.status === 'published' : b.pendingVersion.state === 'draft';
}

export function BulletinForm({ bulletin }: { bulletin: Bulletin | undefined }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const initial = useMemo(
    () => (bulletin === undefined ? EMPTY_FORM : formOf(bulletin)),
    [bulletin],
  );
  const [current, setCurrent] = useState(bulletin);
  const [values, setValues] = useState(initial);
  const [checked, setChecked] = useState(initial);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      setChecked(values);
    }, CHECK_DELAY_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [values]);
  const findings = useMemo(() => checkTexts(checked), [checked]);

  // Every field's value from the form's store (untyped), a cleared field as empty.
  const all = (): FormValues => formValues(form.getFieldsValue(true) as Partial<FormValues>);
  const refresh = (next: FormValues) => {
    setValues(next);
    setChecked(next);
  };

  const textOf = (f: FieldFinding): string =>
    f.field === 'tags' ? (checked.tags[f.item] ?? '') : checked[f.field];
  const mask = (shown: FieldFinding) => {
    const now = all();
    // The notice may be a pause behind the typing: find the same number in the text as it is now.
    const f = checkTexts(now).find(
      (g) => g.field === shown.field && g.item === shown.item && g.masked === shown.masked,
    );
    if (f === undefined) {
      refresh(now);
      return;
    }
    if (f.field === 'tags') {
      form.setFieldValue(
        'tags',
        now.tags.map((tag, i) => (i === f.item ? masked(tag, f) : tag)),
      );
    } else {
      form.setFieldValue(f.field, masked(now[f.field], f));
    }
    refresh(all());
    setDirty(true);
  };
  const fieldFindings = (field: keyof BulletinTexts) => findings.filter((f) => f.field === field);
  const notice = (field: keyof BulletinTexts) => (
    <PiiNotice findings={fieldFindings(field)} textOf={textOf} onMask={mask} />
  );

  const fail = (error: unknown) => {
    void message.error(error instanceof ApiError ? pick(error.text) : String(error));
  };

  /** Creates or edits; null when the form's own rules failed or the save was refused. */
  const save = async (): Promise<Bulletin | null> => {
    const ok = await form.validateFields().then(
      () => true,
      () => false,
    );
    const v = all();
    if (!ok || v.fraudType === undefined) return null;
    const draft = draftOf({ ...v, fraudType: v.fraudType });
    try {
      const saved =
        current === undefined
          ? await bulletinsApi.create(draft)
          : await bulletinsApi.edit(current.id, { expectedRevision: current.revision, ...draft });
      setCurrent(saved);
      setDirty(false);
      queryClient.setQueryData(['content', 'bulletin', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['content', 'bulletins'] });
      return saved;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT' && current !== undefined) {
        // Someone else saved first: load their text, so nothing is overwritten unseen.
        const fresh = await bulletinsApi.get(current.id);
        setCurrent(fresh);
        form.setFieldsValue(formOf(fresh));
        refresh(formOf(fresh));
        void message.warning(t('bu_conflict'));
        return null;
      }
      fail(error);
      return null;
    }
  };

  const onSave = async () => {
    setBusy('save');
    const saved = await save();
    setBusy(null);
    if (saved === null) return;
    void message.success(t('bu_saved'));
    if (bulletin === undefined) void navigate(`/bulletins/${saved.id}/edit`, { replace: true });
  };

  const onSubmit = async () => {
    // The check runs on what is in the form now, not on the last debounced read.
    if (checkTexts(all()).length > 0) {
      refresh(all());
      return;
    }
    setBusy('submit');
    const target = current === undefined || dirty ? await save() : current;
    if (target === null) {
      setBusy(null);
      return;
    }
    try {
      await bulletinsApi.submit(target.id);
      void queryClient.invalidateQueries({ queryKey: ['content'] });
      void message.success(t('bu_submitted'));
      void navigate('/bulletins/mine');
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const locked = !editable(current);
  const typed = Object.values(values).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)));
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={locked}
      initialValues={initial}
      onValuesChange={(_, next) => {
        setValues(formValues(next));
        setDirty(true);
      }}
    >
      {current !== undefined &&
        current.lastRejection !== null &&
        current.pendingVersion?.state === 'draft' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('bu_rejected_with')}
            description={current.lastRejection.comment}
          />
        )}
      {locked && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('bu_in_review_lock')} />
      )}
      {!locked && current?.status === 'published' && current.pendingVersion === null && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('bu_new_version_hint')} />
      )}
      <BulletinFields notice={notice} flagged={(f) => fieldFindings(f).length > 0} />
      <div aria-live="polite" style={{ marginBottom: 16 }}>
        {findings.length > 0 ? (
          <div data-testid="pii-warning">
            <Alert type="error" showIcon title={`${t('bu_pii_title')}（${findings.length}）`} />
          </div>
        ) : (
          typed && (
            <div data-testid="pii-ok">
              <Alert type="success" showIcon title={t('bu_pii_ok')} />
            </div>
          )
        )}
      </div>
      {!locked && (
        <Space wrap>
          <Button onClick={() => void onSave()} loading={busy === 'save'} disabled={busy !== null}>
            {t('bu_save')}
          </Button>
          <Button
            type="primary"
            onClick={() => void onSubmit()}
            loading={busy === 'submit'}
            disabled={busy !== null || findings.length > 0}
          >
            {t('bu_submit')}
          </Button>
        </Space>
      )}
    </Form>
  );
}
