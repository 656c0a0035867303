// Gaps — banks not reached in N days, audience × fraud-type cells untouched in the period — each with a suggested next session.
import { FraudType, type Audience, type SessionFormat, type SessionKind } from '@lianxin/contracts';
import type { BulletinFact, Facts } from '../facts/fact.ts';
import type { AudienceRow, BankRow } from './coverage.rules.ts';

/** The session kind that reaches each audience (DOMAIN.md's session kinds). */
const KIND_FOR: Record<Audience, SessionKind> = {
  elderly: 'community',
  students: 'campus',
  parents: 'campus',
  bank_staff: 'bank_forum',
  enterprise_staff: 'enterprise',
  riders: 'delivery_riders',
  merchants: 'market',
  general_public: 'community',
};

function formatFor(kind: SessionKind): SessionFormat {
  if (kind === 'bank_forum') return 'open_forum';
  if (kind === 'enterprise') return 'visit';
  return 'talk';
}

export interface Material {
  bulletinId: string;
  title: string;
  fraudType: FraudType;
  audiences: Audience[];
  publishedAt: string;
}

export interface Suggestion {
  kind: SessionKind;
  format: SessionFormat;
  audiences: Audience[];
  fraudTopics: FraudType[];
  /** Published bulletins to bring: the audience's cases of those fraud types first, newest first. */
  materials: Material[];
}

const MATERIALS = 5;
const TOPICS = 3;

/** The right case for the right audience: same fraud type and audience first, then same fraud type. */
export function materialsFor(
  bulletins: readonly BulletinFact[],
  audience: Audience,
  fraudTopics: readonly FraudType[],
): Material[] {
  const score = (b: BulletinFact) => (b.audiences.includes(audience) ? 1 : 0);
  return bulletins
    .filter((b) => b.status === 'published' && fraudTopics.includes(b.fraudType))
    .sort(
      (a, b) =>
        score(b) - score(a) ||
        b.publishedAt.localeCompare(a.publishedAt) ||
        a._id.localeCompare(b._id),
    )
    .slice(0, MATERIALS)
    .map((b) => ({
      bulletinId: b._id,
      title: b.title,
      fraudType: b.fraudType,
      audiences: [...b.audiences],
      publishedAt: b.publishedAt,
    }));
}

export function suggest(facts: Facts, audience: Audience, fraudTopics: FraudType[]): Suggestion {
  const kind = KIND_FOR[audience];
  return {
    kind,
    format: formatFor(kind),
    audiences: [audience],
    fraudTopics,
    materials: materialsFor(facts.bulletins, audience, fraudTopics),
  };
}

/** `other` is a catch-all, not a campaign topic: it is never a gap. */
const CAMPAIGN_TYPES: readonly FraudType[] = FraudType.options.filter((f) => f !== 'other');

export interface BankGap {
  bankId: string;
  code: string;
  shortName: string;
  lastForumAt: string | null;
  daysSince: number | null;
  suggestion: Suggestion;
}

export interface CellGap {
  audience: Audience;
  fraudType: FraudType;
  suggestion: Suggestion;
}

export function gaps(
  facts: Facts,
  banks: readonly BankRow[],
  cells: readonly AudienceRow[],
  days: number,
): { banks: BankGap[]; cells: CellGap[] } {
  // A bank forum should bring the bank-staff topics least covered in the period.
  const staffCells = cells
    .filter((c) => c.audience === 'bank_staff' && CAMPAIGN_TYPES.includes(c.fraudType))
    .sort(
      (a, b) =>
        a.sessions - b.sessions ||
        CAMPAIGN_TYPES.indexOf(a.fraudType) - CAMPAIGN_TYPES.indexOf(b.fraudType),
    );
  const forumTopics = staffCells.slice(0, TOPICS).map((c) => c.fraudType);
  const bankGaps = banks
    .filter((b) => b.status === 'active' && (b.daysSince === null || b.daysSince > days))
    .map((b) => ({
      bankId: b.bankId,
      code: b.code,
      shortName: b.shortName,
      lastForumAt: b.lastForumAt,
      daysSince: b.daysSince,
      suggestion: suggest(facts, 'bank_staff', forumTopics),
    }));
  const cellGaps = cells
    .filter((c) => c.sessions === 0 && c.bulletins === 0 && CAMPAIGN_TYPES.includes(c.fraudType))
    .map((c) => ({
      audience: c.audience,
      fraudType: c.fraudType,
      suggestion: suggest(facts, c.audience, [c.fraudType]),
    }));
  return { banks: bankGaps, cells: cellGaps };
}
