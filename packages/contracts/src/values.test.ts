// Unit tests for the shared value schemas: what is accepted, what it becomes, what is refused.
import { describe, expect, it } from 'vitest';
import {
  BankCode,
  Email,
  Fen,
  Instant,
  maskMobile,
  Mobile,
  NonEmptyText,
  normaliseMobile,
  ObjectIdString,
} from './values.ts';

describe('Mobile', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['19912345678', '19912345678'],
    ['  13812345678  ', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['86-138-1234-5678', '13812345678'],
    ['+86 186 8612 3456', '18686123456'],
    ['\u3000138 1234 5678\u3000', '13812345678'],
  ])('when the input is %j, then it is accepted as %s', (input, bare) => {
    expect(Mobile.parse(input)).toBe(bare);
    expect(normaliseMobile(input)).toBe(bare);
  });

  it.each([
    ['empty', ''],
    ['ten digits', '1381234567'],
    ['twelve digits', '138123456789'],
    ['second digit 2', '12812345678'],
    ['not starting with 1', '23812345678'],
    ['a 0086 prefix', '0086 13812345678'],
    ['a bracketed prefix', '(+86) 13812345678'],
    ['another country code', '+8713812345678'],
    ['a doubled prefix', '+86 +86 13812345678'],
    ['86 before ten digits', '861381234567'],
    ['a thirteen-digit number starting with 1', '1868612345678'],
    ['dots as separators', '138.1234.5678'],
    ['full-width digits', '１３８１２３４５６７８'],
    ['letters', 'abc13812345678'],
    ['a landline', '0316-5123456'],
    ['a very long string', '1'.repeat(100)],
  ])('when the input has %s, then it is refused', (_case, input) => {
    expect(Mobile.safeParse(input).success).toBe(false);
    expect(normaliseMobile(input)).toBeNull();
  });
});

describe('maskMobile', () => {
  it('when given a bare number, then only the first three and last four digits show', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
  });

  it('when given a formatted number with a prefix, then it masks the bare number', () => {
    expect(maskMobile('+86 138-1234-5678')).toBe('138****5678');
  });

  it('when given something that is not a mobile number, then nothing of it shows', () => {
    expect(maskMobile('0316-5123456')).toBe('***********');
    expect(maskMobile('')).toBe('***********');
  });
});

describe('Email', () => {
  it('when an address has spaces and capitals, then it is trimmed and lower-cased', () => {
    expect(Email.parse('  Li.Na@Bank.Example.COM ')).toBe('li.na@bank.example.com');
  });

  it('when the text is not an address, then it is refused', () => {
    expect(Email.safeParse('li.na at bank').success).toBe(false);
    expect(Email.safeParse('   ').success).toBe(false);
  });
});

describe('Instant', () => {
  it('when a time has a +08:00 offset, then it becomes the same instant in UTC', () => {
    expect(Instant.parse('2025-03-01T09:30:00+08:00')).toBe('2025-03-01T01:30:00.000Z');
  });

  it('when a time is already UTC, then it keeps its instant in the canonical form', () => {
    expect(Instant.parse('2025-03-01T01:30:00Z')).toBe('2025-03-01T01:30:00.000Z');
  });

  it.each([
    ['no offset', '2025-03-01T09:30:00'],
    ['an impossible date', '2025-02-30T09:30:00Z'],
    ['a date only', '2025-03-01'],
    ['words', 'tomorrow morning'],
  ])('when a time has %s, then it is refused without throwing', (_case, input) => {
    expect(Instant.safeParse(input).success).toBe(false);
  });
});

describe('Fen', () => {
  it('when an amount is a non-negative safe integer, then it is accepted', () => {
    expect(Fen.parse(0)).toBe(0);
    expect(Fen.parse(12_345_600)).toBe(12_345_600);
  });

  it.each([-1, 1.5, 2 ** 53, Number.NaN])('when an amount is %s, then it is refused', (input) => {
    expect(Fen.safeParse(input).success).toBe(false);
  });
});

describe('ids and text', () => {
  it('when an ObjectId is upper-case, then it is lower-cased; when it is short, then it is refused', () => {
    expect(ObjectIdString.parse('65A1B2C3D4E5F60718293A4B')).toBe('65a1b2c3d4e5f60718293a4b');
    expect(ObjectIdString.safeParse('65a1b2c3d4e5f60718293a4').success).toBe(false);
  });

  it('when text is blank once trimmed (even full-width spaces), then it is refused', () => {
    const Title = NonEmptyText(5);
    expect(Title.parse('  反诈宣传 ')).toBe('反诈宣传');
    expect(Title.safeParse(' \u3000 ').success).toBe(false);
    expect(Title.safeParse('反诈宣传进校园').success).toBe(false);
  });

  it('when a bank code is typed in lower case, then it is stored upper-case', () => {
    expect(BankCode.parse(' icbc-xh ')).toBe('ICBC-XH');
    expect(BankCode.safeParse('工行').success).toBe(false);
  });
});
