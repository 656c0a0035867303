// Venue and officer conflicts of the plan being typed: asked of outreach once the input settles, shown beside the fields.
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useI18n } from '../i18n.tsx';
import { shanghaiTime } from '../shared/format.ts';
import { coordinatorApi, type ConflictPlan, type SlotConflicts } from './api.ts';
import { useDebounced } from './use-debounced.ts';

export type Conflict = SlotConflicts['conflicts'][number];

/** The plan to check, or null while it can't be checked (no valid times, nothing to check them for). */
export function planOf(v: {
  startsAt?: { toISOString(): string; valueOf(): number } | null;
  endsAt?: { toISOString(): string; valueOf(): number } | null;
  venueName?: string;
  venueAddress?: string;
  hostOfficerIds?: string[];
}): ConflictPlan | null {
  if (v.startsAt == null || v.endsAt == null || v.endsAt.valueOf() <= v.startsAt.valueOf())
    return null;
  const venueName = v.venueName?.trim() ?? '';
  const venueAddress = v.venueAddress?.trim() ?? '';
  const venue = venueName !== '' && venueAddress !== '';
  const officers = v.hostOfficerIds ?? [];
  if (!venue && officers.length === 0) return null;
  return {
    startsAt: v.startsAt.toISOString(),
    endsAt: v.endsAt.toISOString(),
    ...(venue ? { venueName, venueAddress } : {}),
    ...(officers.length > 0 ? { hostOfficerIds: officers } : {}),
  };
}

/** Conflicts of `plan` after it has been still for 400 ms; `checking` while the answer is awaited. */
export function useConflicts(plan: ConflictPlan | null) {
  const settled = useDebounced(plan, 400);
  const query = useQuery({
    queryKey: ['co', 'conflicts', settled],
    queryFn: () => coordinatorApi.conflicts(settled ?? { startsAt: '', endsAt: '' }),
    enabled: settled !== null,
    staleTime: 0,
    retry: false,
  });
  const current = JSON.stringify(plan) === JSON.stringify(settled);
  return {
    conflicts: query.data?.conflicts ?? [],
    checking: plan !== null && (!current || query.isFetching),
    failed: query.isError,
    checked: plan !== null && current && query.isSuccess && !query.isFetching,
  };
}

export function ConflictAlerts({
  conflicts,
  path,
  officerName,
}: {
  conflicts: Conflict[];
  path: Conflict['path'];
  officerName: (id: string) => string;
}) {
  const { t, lang } = useI18n();
  const mine = conflicts.filter((c) => c.path === path);
  if (mine.length === 0) return null;
  return (
    <>
      {mine.map((c) => (
        <Alert
          key={`${c.sessionId}-${c.officerId ?? 'venue'}`}
          type="error"
          showIcon
          role="alert"
          data-testid={path === 'venue' ? 'venue-conflict' : 'officer-conflict'}
          style={{ marginBottom: 12 }}
          title={
            path === 'venue'
              ? `${t('co_venueTaken')}「${c.title ?? c.sessionId}」`
              : `${officerName(c.officerId ?? '')} ${t('co_officerTaken')}「${c.title ?? c.sessionId}」`
          }
          description={`${shanghaiTime(c.startsAt, lang)} – ${shanghaiTime(c.endsAt, lang)}`}
        />
      ))}
    </>
  );
}
