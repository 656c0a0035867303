// What a liaison does with a registration: cancel it (after a confirmation dialog) or put its session in their calendar.
import { CalendarOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { shanghaiTime } from '../shared/format.ts';
import type { BankRegistration } from './api.ts';
import { liaisonApi } from './api.ts';
import { calendarFileName, downloadCalendar, sessionCalendar } from './calendar.ts';

/** Whether the registration can still be withdrawn: live, and its session scheduled and ahead. */
export function cancellable(reg: BankRegistration, now = Date.now()): boolean {
  return (
    (reg.status === 'confirmed' || reg.status === 'waitlisted') &&
    reg.session.status === 'scheduled' &&
    new Date(reg.session.startsAt).getTime() > now
  );
}

export function CancelButton({ registration: reg }: { registration: BankRegistration }) {
  const { t, pick } = useI18n();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => liaisonApi.cancel(reg.session.id, reg.id),
    onSuccess: async () => {
      void message.success(t('li_cancelled'));
      await queryClient.invalidateQueries({ queryKey: ['li'] });
    },
    onError: (e) => {
      void message.error(e instanceof ApiError ? pick(e.text) : t('unavailable'));
    },
  });
  if (!cancellable(reg)) return null;
  return (
    <Button
      size="small"
      loading={cancel.isPending}
      aria-label={`${t('li_cancel')}：${reg.attendee.name}`}
      onClick={() => {
        modal.confirm({
          title: t('li_cancelTitle'),
          content: `${reg.attendee.name} · ${reg.session.title}。${t('li_cancelBody')}`,
          okText: t('li_cancelOk'),
          cancelText: t('li_keep'),
          onOk: () => cancel.mutateAsync(),
        });
      }}
    >
      {t('li_cancel')}
    </Button>
  );
}

export function CalendarButton({ registration: reg }: { registration: BankRegistration }) {
  const { t, lang } = useI18n();
  if (reg.status === 'cancelled') return null;
  const download = () => {
    const description = [
      `${t('li_attendee')}：${reg.attendee.name}`,
      `${t('status')}：${t(`li_status_${reg.status}`)}`,
      `${t('li_registeredAt')}：${shanghaiTime(reg.registeredAt, lang)}`,
    ].join('\n');
    downloadCalendar(calendarFileName(reg.session), sessionCalendar(reg.session, description));
  };
  return (
    <Button
      size="small"
      icon={<CalendarOutlined />}
      onClick={download}
      aria-label={`${t('li_calendar')}：${reg.session.title}`}
    >
      {t('li_calendar')}
    </Button>
  );
}
