// Table-driven tests of the personal-data guard: every valid number found where it is, no alarm on the negatives.
import { describe, expect, it } from 'vitest';
import {
  findPersonalData,
  isLuhnValid,
  isValidResidentId,
  maskFor,
  scanFields,
  type PersonalDataKind,
} from './personal-data.rules.ts';

type Expected = [PersonalDataKind, string][];

// Each row: what the text is, the text, and each finding as its kind and the exact span it covers.
const positives: [string, string, Expected][] = [
  ['a bare mobile', '受害人手机13812345678被诈骗分子获取', [['mobile', '13812345678']]],
  ['a mobile starting 19', '联系19912345678', [['mobile', '19912345678']]],
  ['a mobile split by spaces', '电话 138 1234 5678 请核实', [['mobile', '138 1234 5678']]],
  ['a mobile split by hyphens', '138-1234-5678', [['mobile', '138-1234-5678']]],
  [
    'a mobile split by ideographic spaces',
    '138\u30001234\u30005678',
    [['mobile', '138\u30001234\u30005678']],
  ],
  [
    'a mobile in full-width digits',
    '号码１３８１２３４５６７８。',
    [['mobile', '１３８１２３４５６７８']],
  ],
  ['a mobile after +86', '+8613812345678', [['mobile', '13812345678']]],
  ['a mobile after 86 and a space', '+86 138 1234 5678', [['mobile', '138 1234 5678']]],
  ['a mobile after 0086', '008615012345678', [['mobile', '15012345678']]],
  ['a mobile followed by a count', '拨打13812345678 2次', [['mobile', '13812345678']]],
  ['a mobile between Latin letters', 'tel13812345678ok', [['mobile', '13812345678']]],
  [
    'a resident ID with a digit check',
    '身份证号110101199003074514',
    [['resident_id', '110101199003074514']],
  ],
  [
    'a resident ID ending in X',
    '证件11010519491231002X已挂失',
    [['resident_id', '11010519491231002X']],
  ],
  [
    'a resident ID ending in lower-case x',
    '11010519491231002x',
    [['resident_id', '11010519491231002x']],
  ],
  [
    'a resident ID ending in full-width Ｘ',
    '11010519491231002Ｘ',
    [['resident_id', '11010519491231002Ｘ']],
  ],
  [
    'a resident ID with a leap-day birth date',
    '131028200002291239',
    [['resident_id', '131028200002291239']],
  ],
  ['a resident ID split 6-8-4', '110101 19900307 4514', [['resident_id', '110101 19900307 4514']]],
  [
    'a resident ID in full-width digits',
    '１１０１０１１９９００３０７４５１４',
    [['resident_id', '１１０１０１１９９００３０７４５１４']],
  ],
  ['a 16-digit card', '卡号6222021234567894转出', [['bank_card', '6222021234567894']]],
  [
    'a 16-digit card in groups of four',
    '6222 0212 3456 7894',
    [['bank_card', '6222 0212 3456 7894']],
  ],
  ['a 17-digit card', '62170012345678907', [['bank_card', '62170012345678907']]],
  ['an 18-digit card that is no ID', '622848001234567894', [['bank_card', '622848001234567894']]],
  [
    'a 19-digit card with hyphens',
    '4000-1234-1234-1234-560',
    [['bank_card', '4000-1234-1234-1234-560']],
  ],
  [
    'a card in full-width digits',
    '６２２２０２１２３４５６７８９４',
    [['bank_card', '６２２２０２１２３４５６７８９４']],
  ],
  [
    'a mobile and a card in one sentence',
    '嫌疑人用13912345678联系，让其转账到6222021234567894',
    [
      ['mobile', '13912345678'],
      ['bank_card', '6222021234567894'],
    ],
  ],
  [
    'two mobiles side by side in a list',
    '13812345678、13987654321',
    [
      ['mobile', '13812345678'],
      ['mobile', '13987654321'],
    ],
  ],
];

const negatives: [string, string][] = [
  ['a masked mobile', '受害人手机138****5678'],
  ['a masked mobile with spaces', '138 **** 5678'],
  ['a mobile masked in full-width asterisks', '138＊＊＊＊5678'],
  ['a mobile with its last four masked', '1381234****'],
  ['a masked resident ID', '110101********4514'],
  ['a masked card', '6222 **** **** 7894'],
  ['a card masked in the middle', '6222***********7894'],
  ['a resident ID with a wrong check digit', '110101199003074513'],
  ['a resident ID whose X is wrong', '11010119900307451X'],
  ['an ID-shaped number with an impossible birth date', '110101199002304510'],
  ['a 16-digit number failing Luhn', '6222021234567895'],
  ['a 19-digit number failing Luhn', '4000123412341234561'],
  ['a 10-digit number starting 13', '1381234567'],
  ['a 12-digit run starting with a mobile', '138123456789'],
  ['an 11-digit number starting 12', '12812345678'],
  ['a landline with area code', '0316-5123456'],
  ['a mobile-shaped stretch inside a 22-digit serial', '流水号2024031513812345678001'],
  ['a card-shaped stretch inside a 24-digit serial', '622202123456789400000000'],
  ['a 20-digit Luhn-valid serial', '12345678901234567897'],
  ['the anti-fraud hotline and police number', '拨打96110或110报警'],
  ['an amount and a date', '损失380000元，2025-03-02案发'],
  ['a time and a percentage', '14:30转账，年化收益30%'],
  ['digits split by a long gap', '138    1234    5678'],
];

describe('personal-data guard: numbers that must be found', () => {
  it.each(positives)(
    'when the text has %s, then each is found at its exact span',
    (_name, text, expected) => {
      const found = findPersonalData(text);
      expect(found.map((f) => [f.kind, text.slice(f.start, f.end)])).toEqual(expected);
    },
  );
});

describe('personal-data guard: text that must pass', () => {
  it.each(negatives)('when the text has %s, then nothing is reported', (_name, text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe('personal-data guard: suggestions and building blocks', () => {
  it('when a number is found, then its suggestion is masked and passes the guard itself', () => {
    const text = '13812345678 110101199003074514 6222021234567894';
    const found = findPersonalData(text);
    expect(found.map((f) => f.masked)).toEqual([
      '138****5678',
      '110101********4514',
      '6222********7894',
    ]);
    for (const f of found) expect(findPersonalData(f.masked)).toEqual([]);
  });

  it('when full-width digits are found, then the suggestion is in ASCII digits', () => {
    expect(findPersonalData('１３８１２３４５６７８')[0]?.masked).toBe('138****5678');
  });

  it('when fields are scanned, then each finding names its field path', () => {
    const findings = scanFields([
      { path: ['title'], text: '无敏感信息' },
      { path: ['warningSigns', 1], text: '对方留下13812345678' },
    ]);
    expect(findings).toEqual([
      { path: ['warningSigns', 1], kind: 'mobile', start: 4, end: 15, masked: '138****5678' },
    ]);
  });

  it('when checking the check-digit rules directly, then they agree with the standards', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('110105194912310029')).toBe(false);
    expect(isLuhnValid('4000123412341234560')).toBe(true);
    expect(isLuhnValid('4000123412341234561')).toBe(false);
    expect(maskFor('bank_card', '4000123412341234560')).toBe('4000***********4560');
  });
});
