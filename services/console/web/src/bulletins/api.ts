// Calls to the content service through the gateway (/api/content): bulletins, their review, taxonomy, subscriptions.
import type { z } from 'zod';
import type {
  BulletinDto,
  BulletinListQuery,
  BulletinPage as BulletinPageSchema,
  CreateBulletinBody,
  EditBulletinBody,
  VersionsDto,
} from '../../../../content/src/bulletins/bulletin.schemas.ts';
import type {
  CreateSubscriptionBody,
  SubscriptionDto,
  SubscriptionList as SubscriptionListSchema,
} from '../../../../content/src/subscriptions/subscription.schemas.ts';
import type {
  AudienceList as AudienceListSchema,
  FraudTypeList as FraudTypeListSchema,
} from '../../../../content/src/taxonomy/taxonomy.schemas.ts';
import { call } from '../api.ts';

export type Bulletin = z.infer<typeof BulletinDto>;
export type BulletinPage = z.infer<typeof BulletinPageSchema>;
export type Versions = z.infer<typeof VersionsDto>;
export type Version = Versions['versions'][number];
export type BulletinDraft = z.input<typeof CreateBulletinBody>;
export type BulletinEdit = z.input<typeof EditBulletinBody>;
/** What an officer writes, as both a bulletin and each of its versions carry it. */
export type Content = Pick<
  Version,
  | 'title'
  | 'fraudType'
  | 'summary'
  | 'body'
  | 'caseDate'
  | 'region'
  | 'lossFen'
  | 'victimProfile'
  | 'modusOperandi'
  | 'warningSigns'
  | 'advice'
  | 'audiences'
  | 'tags'
>;
export type FraudType = Bulletin['fraudType'];
export type Audience = Bulletin['audiences'][number];
export type AgeBand = NonNullable<Bulletin['victimProfile']['ageBand']>;
export type VersionState = Bulletin['versionState'];
export type FraudTypeList = z.infer<typeof FraudTypeListSchema>;
export type AudienceList = z.infer<typeof AudienceListSchema>;
export type Subscription = z.infer<typeof SubscriptionDto>;
export type SubscriptionList = z.infer<typeof SubscriptionListSchema>;
export type NewSubscription = z.input<typeof CreateSubscriptionBody>;
/** The search filters (`page`, `pageSize` included) as the route parses them. */
export type SearchQuery = Partial<z.output<typeof BulletinListQuery>>;

const BASE = '/api/content';
const bulletin = (id: string) => `${BASE}/bulletins/${encodeURIComponent(id)}`;

function queryString(query: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export const bulletinsApi = {
  fraudTypes: () => call<FraudTypeList>('GET', `${BASE}/fraud-types`),
  audiences: () => call<AudienceList>('GET', `${BASE}/audiences`),
  search: (query: SearchQuery) =>
    call<BulletinPage>('GET', `${BASE}/bulletins${queryString(query)}`),
  mine: (page: number, pageSize: number) =>
    call<BulletinPage>('GET', `${BASE}/bulletins/mine${queryString({ page, pageSize })}`),
  /** Staff read the version being written unless they ask for the `published` one. */
  get: (id: string, view: 'latest' | 'published' = 'latest') =>
    call<Bulletin>('GET', `${bulletin(id)}${queryString({ view })}`),
  versions: (id: string) => call<Versions>('GET', `${bulletin(id)}/versions`),
  create: (draft: BulletinDraft) => call<Bulletin>('POST', `${BASE}/bulletins`, draft),
  edit: (id: string, edit: BulletinEdit) => call<Bulletin>('PATCH', bulletin(id), edit),
  submit: (id: string) => call<Bulletin>('POST', `${bulletin(id)}/submit`, {}),
  approve: (id: string) => call<Bulletin>('POST', `${bulletin(id)}/approve`, {}),
  reject: (id: string, comment: string) =>
    call<Bulletin>('POST', `${bulletin(id)}/reject`, { comment }),
  retract: (id: string, reason: string) =>
    call<Bulletin>('POST', `${bulletin(id)}/retract`, { reason }),
  subscriptions: () => call<SubscriptionList>('GET', `${BASE}/subscriptions`),
  subscribe: (subscription: NewSubscription) =>
    call<Subscription>('POST', `${BASE}/subscriptions`, subscription),
  unsubscribe: (id: string) =>
    call<undefined>('DELETE', `${BASE}/subscriptions/${encodeURIComponent(id)}`),
};
