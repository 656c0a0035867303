// A bulletin's or a version's state as a coloured tag, in the reader's language.
import { Tag } from 'antd';
import { useI18n } from '../i18n.tsx';
import type { VersionState } from './api.ts';

const COLOUR: Record<VersionState, string> = {
  draft: 'default',
  in_review: 'processing',
  published: 'success',
  retracted: 'error',
  superseded: 'default',
  discarded: 'default',
};

export function StateTag({ state }: { state: VersionState }) {
  const { t } = useI18n();
  return <Tag color={COLOUR[state]}>{t(`bu_st_${state}`)}</Tag>;
}
