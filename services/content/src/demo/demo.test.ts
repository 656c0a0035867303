// The demo bulletins: loaded through the real workflow, idempotent, anonymised, covering the main fraud types and audiences.
import { serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../bulletins/personal-data.rules.ts';
import { textFields } from '../bulletins/bulletin.rules.ts';
import { contentService } from '../service.ts';
import { DEMO_BULLETINS } from './demo-bulletins.ts';
import { loadDemo } from './load-demo.ts';

const h = await serviceHarness(import.meta.url, contentService, { components: false });

describe('demo bulletins', () => {
  it('when the demo loads twice, then the second load changes nothing', async () => {
    expect(await loadDemo(h.deps)).toEqual({
      created: 9,
      unchanged: 0,
      published: 6,
      inReview: 2,
      drafts: 1,
    });
    expect(await loadDemo(h.deps)).toEqual({
      created: 0,
      unchanged: 9,
      published: 6,
      inReview: 2,
      drafts: 1,
    });
    const page = (await h.as(null)('GET', '/bulletins?pageSize=100')).json<{ total: number }>();
    expect(page.total).toBe(6);
  });

  it('when the demo texts are checked, then none holds a personal number', () => {
    for (const demo of DEMO_BULLETINS) {
      for (const field of textFields(demo.content))
        expect(findPersonalData(field.text), `${demo.id} ${field.path.join('.')}`).toEqual([]);
    }
  });

  it('when counting what the demo covers, then it spans at least eight fraud types and every audience', () => {
    expect(new Set(DEMO_BULLETINS.map((d) => d.content.fraudType)).size).toBeGreaterThanOrEqual(8);
    const audiences = new Set(DEMO_BULLETINS.flatMap((d) => d.content.audiences));
    expect([...audiences].sort()).toEqual([
      'bank_staff',
      'elderly',
      'enterprise_staff',
      'general_public',
      'merchants',
      'parents',
      'riders',
      'students',
    ]);
  });
});
