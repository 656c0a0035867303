// The browser's personal-data check per form field: content's guard, with positions in the text the officer sees.
import { describe, expect, it } from 'vitest';
import { EMPTY_FORM } from './form-values.ts';
import { checkTexts, excerpt, masked } from './pii.ts';

const form = (extra: Partial<typeof EMPTY_FORM>) => ({ ...EMPTY_FORM, ...extra });

describe('personal-data check of the writing form', () => {
  it('when a mobile and an ID number are typed into two fields, then each is found in its own field with its masked form', () => {
    const found = checkTexts(
      form({ summary: '身份证号11010519491231002X。', body: '手机 138 1234 5678 来电' }),
    );
    expect(found.map((f) => [f.field, f.kind, f.masked, f.text])).toEqual([
      ['summary', 'resident_id', '110105********002X', '11010519491231002X'],
      ['body', 'mobile', '138****5678', '138 1234 5678'],
    ]);
  });

  it('when a number stands on the second line of a list field, then its position counts from the whole text area, and numbers split over two lines are not joined', () => {
    const text = '主动来电\n回拨 13812345678\n1381234\n5678';
    const [only, ...rest] = checkTexts(form({ warningSigns: text }));
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ field: 'warningSigns', kind: 'mobile' });
    expect(text.slice(only?.start, only?.end)).toBe('13812345678');
  });

  it('when a tag holds a card number, then the finding names the tag', () => {
    const card = '6222021234567890128';
    const [finding] = checkTexts(form({ tags: ['退款', card] }));
    expect(finding).toMatchObject({ field: 'tags', item: 1, kind: 'bank_card' });
  });

  it('when a finding is masked, then the text holds the masked form and the check clears', () => {
    const body = '受害人手机号13812345678，请勿回拨';
    const [finding] = checkTexts(form({ body }));
    if (finding === undefined) throw new Error('expected a finding');
    const fixed = masked(body, finding);
    expect(fixed).toBe('受害人手机号138****5678，请勿回拨');
    expect(checkTexts(form({ body: fixed }))).toEqual([]);
    expect(excerpt(body, finding, 3)).toEqual({
      before: '…手机号',
      number: '13812345678',
      after: '，请勿…',
    });
  });

  it('when the text holds only masked forms and short numbers, then nothing is found', () => {
    expect(
      checkTexts(form({ body: '138****5678、110105********002X、损失 52000 元、2025-06-01' })),
    ).toEqual([]);
  });
});
