// The bulletin aggregate as use cases see it: its versions, where it stands, and who did what.
import type { Audience, BulletinStatus, FraudType } from '@lianxin/contracts';
import type { AgeBand } from './bulletin.schemas.ts';

/** What an officer writes; one copy per version. Markdown in `body` is stored as written. */
export interface BulletinContent {
  title: string;
  fraudType: FraudType;
  summary: string;
  body: string;
  /** YYYY-MM-DD, Asia/Shanghai. */
  caseDate: string;
  region: string;
  lossFen: number;
  /** Never a name: an age band and an occupation at most. */
  victimProfile: { ageBand: AgeBand | null; occupation: string | null };
  modusOperandi: string | null;
  warningSigns: string[];
  advice: string[];
  audiences: Audience[];
  tags: string[];
}

/**
 * draft → in_review → published; in_review → draft on rejection; a published version becomes
 * superseded when the next is approved, retracted with the bulletin; a pending version left
 * when the bulletin is retracted is discarded.
 */
export type VersionState =
  'draft' | 'in_review' | 'published' | 'superseded' | 'retracted' | 'discarded';

export interface Rejection {
  by: string;
  at: string;
  comment: string;
}

export interface BulletinVersion {
  number: number;
  state: VersionState;
  content: BulletinContent;
  /** Who started this version; only they submit it. */
  authorId: string;
  /** Everyone who wrote into it (the author first): none of them may approve it. */
  editorIds: string[];
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  reviewerId: string | null;
  publishedAt: string | null;
  rejections: Rejection[];
}

export type HistoryAction =
  'created' | 'edited' | 'submitted' | 'approved' | 'rejected' | 'retracted';

/** One entry per write: the revision it produced, so the log has no gaps. */
export interface HistoryEntry {
  revision: number;
  action: HistoryAction;
  version: number;
  by: string;
  at: string;
  /** Edited fields, or the review comment / retraction reason. */
  fields: string[];
  comment: string | null;
}

export interface Retraction {
  reason: string;
  retractedBy: string;
  retractedAt: string;
}

export interface Bulletin {
  id: string;
  /** The bulletin's place in the workflow; `published` may have a next version pending. */
  status: BulletinStatus;
  versions: BulletinVersion[];
  /** The version the public reads, or null. */
  publishedNumber: number | null;
  /** The version being written or reviewed, or null. */
  pendingNumber: number | null;
  /** Bumped by every write: the optimistic-concurrency token clients send back. */
  revision: number;
  history: HistoryEntry[];
  retraction: Retraction | null;
  createdAt: string;
  updatedAt: string;
}

/** Everyone who started or wrote into any version: an officer's "my bulletins", and who may retract one. */
export function writersOf(bulletin: Bulletin): string[] {
  return [...new Set(bulletin.versions.flatMap((v) => [v.authorId, ...v.editorIds]))];
}

export function versionOf(bulletin: Bulletin, number: number | null): BulletinVersion | null {
  if (number === null) return null;
  return bulletin.versions.find((v) => v.number === number) ?? null;
}
