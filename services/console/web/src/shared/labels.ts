// The domain's codes in people's words (session kinds, audiences, fraud types…), taken from the contracts so the two can't drift.
import type { Lang } from './texts.ts';

export {
  Audience,
  BankType,
  FraudType,
  LiaisonRole,
  OpinionCategory,
  OpinionStatus,
  PartnershipStatus,
  RegistrationStatus,
  SessionFormat,
  SessionKind,
  SessionStatus,
  WaitlistReason,
} from '../../../../../packages/contracts/src/enums/index.ts';

interface Labelled<K extends string> {
  readonly labels: { readonly [P in K]: { zh: string; en: string } };
}

/** A code's label in the reader's language; an unknown code shows as itself. */
export function labelIn<K extends string>(e: Labelled<K>, code: string, lang: Lang): string {
  const label = (e.labels as Partial<Record<string, { zh: string; en: string }>>)[code];
  return label === undefined ? code : label[lang];
}

/** Select options for every code of an enum, in the order the contract lists them. */
export function optionsOf<K extends string>(
  e: Labelled<K>,
  lang: Lang,
): { value: K; label: string }[] {
  return (Object.keys(e.labels) as K[]).map((value) => ({ value, label: e.labels[value][lang] }));
}
