// loadDemo: the demo bulletins through the real workflow (officer writes, reviewer approves); idempotent.
import type { Deps } from '../shared/deps.ts';
import { approveBulletin } from '../bulletins/approve-bulletin.ts';
import type { Actor } from '../bulletins/bulletin.rules.ts';
import { CreateBulletinBody } from '../bulletins/bulletin.schemas.ts';
import { createBulletin } from '../bulletins/create-bulletin.ts';
import { submitBulletin } from '../bulletins/submit-bulletin.ts';
import { DEMO_BULLETINS } from './demo-bulletins.ts';

// The console's demo officer wrote them, so the demo's "my bulletins" lists them.
const author: Actor = { id: 'demo-officer', role: 'officer' };
const reviewer: Actor = { id: 'demo-reviewer-sun', role: 'reviewer' };

export interface DemoReport {
  created: number;
  unchanged: number;
  published: number;
  inReview: number;
  drafts: number;
}

export async function loadDemo(deps: Deps): Promise<DemoReport> {
  const report: DemoReport = { created: 0, unchanged: 0, published: 0, inReview: 0, drafts: 0 };
  for (const demo of DEMO_BULLETINS) {
    const existing = await deps.bulletins.find('staff', demo.id);
    if (existing === null) {
      // Parsed like a request, so the demo cannot hold what the API would refuse.
      await createBulletin(deps, author, CreateBulletinBody.parse(demo.content), demo.id);
      if (demo.stage !== 'draft') await submitBulletin(deps, author, demo.id);
      if (demo.stage === 'published') await approveBulletin(deps, reviewer, demo.id);
      report.created++;
    } else {
      report.unchanged++;
    }
    if (demo.stage === 'published') report.published++;
    else if (demo.stage === 'in_review') report.inReview++;
    else report.drafts++;
  }
  return report;
}
