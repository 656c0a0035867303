// The personal-data guard: finds unmasked mainland mobile, resident ID and bank card numbers in text. Pure.
//
// How a number is recognised (ADR 014):
// - Full-width digits (０–９) and Ｘ count as their ASCII forms; positions stay those of the text.
// - A "group" is a maximal run of digits. Groups split by at most three separator characters
//   (spaces, hyphens, the ideographic space) may belong to one number, so every contiguous
//   sequence of groups is a candidate: "138 1234 5678" is found, and so is the mobile in
//   "13812345678 2次" (its first group alone).
// - A number never starts or ends inside a group: a mobile-shaped stretch of a 22-digit
//   transaction serial is part of another number, not a phone number. Masked forms
//   (138****5678) break the digits into groups too short to be anything.
// - mobile: 11 digits 1[3-9]…, optionally after 86 / 0086 in the same group;
//   resident ID: 17 digits + check digit (0–9 or X) per GB 11643, a plausible region digit and a
//   real birth date; bank card: 16–19 digits, Luhn-valid, not already an ID.

export type PersonalDataKind = 'mobile' | 'resident_id' | 'bank_card';

export interface Finding {
  kind: PersonalDataKind;
  /** Index of the first character in the text (UTF-16 code units, as JavaScript counts). */
  start: number;
  /** Index one past the last character. */
  end: number;
  /** What to write instead, e.g. 138****5678. */
  masked: string;
}

const SEPARATORS = /^[\s\u00a0\u3000\-\u2010-\u2013\uff0d]+$/;
const MAX_SEPARATOR_RUN = 3;

/** One character as the guard reads it: full-width digits and X folded to ASCII. */
function fold(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 0x30);
  if (ch === 'Ｘ' || ch === 'ｘ' || ch === 'x') return 'X';
  return ch;
}

const isDigit = (ch: string): boolean => ch >= '0' && ch <= '9';

interface Group {
  digits: string;
  /** Index in the text of each digit (and of a trailing X). */
  positions: number[];
  /** An X right after the digits, which only a resident ID may end with. */
  trailingX: number | null;
}

/** Digit groups, and which of them are joined to the previous one by a short separator run. */
function groupsOf(text: string): Group[][] {
  const chains: Group[][] = [];
  let chain: Group[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(fold(text.charAt(i)))) {
      i++;
      continue;
    }
    const group: Group = { digits: '', positions: [], trailingX: null };
    while (i < text.length && isDigit(fold(text.charAt(i)))) {
      group.digits += fold(text.charAt(i));
      group.positions.push(i);
      i++;
    }
    const afterX = i < text.length ? fold(text.charAt(i)) : '';
    if (afterX === 'X' && !/[A-Za-z0-9]/.test(fold(text.charAt(i + 1) || ' '))) {
      group.trailingX = i;
    }
    // The group joins the chain if only a short run of separators stands between them.
    const previous = chain.at(-1);
    const gapStart = previous ? (previous.positions.at(-1) ?? 0) + 1 : 0;
    const gap = previous ? text.slice(gapStart, group.positions[0]) : '';
    const joined =
      previous !== undefined &&
      previous.trailingX === null &&
      gap.length > 0 &&
      gap.length <= MAX_SEPARATOR_RUN &&
      SEPARATORS.test(gap);
    if (!joined && chain.length > 0) {
      chains.push(chain);
      chain = [];
    }
    chain.push(group);
  }
  if (chain.length > 0) chains.push(chain);
  return chains;
}

const MOBILE = /^1[3-9]\d{9}$/;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function isValidResidentId(id: string): boolean {
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((acc, weight, k) => acc + weight * Number(id.charAt(k)), 0);
  if (ID_CHECK.charAt(sum % 11) !== id.charAt(17)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1900 || year > 2099) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let k = 0; k < digits.length; k++) {
    let d = Number(digits.charAt(digits.length - 1 - k));
    if (k % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function maskFor(kind: PersonalDataKind, number: string): string {
  switch (kind) {
    case 'mobile':
      return `${number.slice(0, 3)}****${number.slice(7)}`;
    case 'resident_id':
      return `${number.slice(0, 6)}********${number.slice(14)}`;
    case 'bank_card':
      return `${number.slice(0, 4)}${'*'.repeat(number.length - 8)}${number.slice(-4)}`;
  }
}

/** What a candidate number (digits of whole groups, maybe with a final X) is, if anything. */
function classify(digits: string, withX: boolean): { kind: PersonalDataKind; skip: number } | null {
  if (withX)
    return digits.length === 17 && isValidResidentId(`${digits}X`)
      ? { kind: 'resident_id', skip: 0 }
      : null;
  if (MOBILE.test(digits)) return { kind: 'mobile', skip: 0 };
  for (const prefix of ['86', '0086']) {
    if (digits.startsWith(prefix) && MOBILE.test(digits.slice(prefix.length))) {
      return { kind: 'mobile', skip: prefix.length };
    }
  }
  if (digits.length === 18 && isValidResidentId(digits)) return { kind: 'resident_id', skip: 0 };
  if (digits.length >= 16 && digits.length <= 19 && isLuhnValid(digits)) {
    return { kind: 'bank_card', skip: 0 };
  }
  return null;
}

/** Every unmasked number in `text`, in order, none overlapping (the longest wins). */
export function findPersonalData(text: string): Finding[] {
  const candidates: Finding[] = [];
  for (const chain of groupsOf(text)) {
    for (let from = 0; from < chain.length; from++) {
      let digits = '';
      const positions: number[] = [];
      for (let to = from; to < chain.length && digits.length <= 19; to++) {
        const group = chain[to];
        if (group === undefined) break;
        digits += group.digits;
        positions.push(...group.positions);
        const found = classify(digits, false);
        if (found)
          candidates.push(
            finding(found.kind, digits.slice(found.skip), positions.slice(found.skip)),
          );
        if (group.trailingX !== null && classify(digits, true)) {
          candidates.push(finding('resident_id', `${digits}X`, [...positions, group.trailingX]));
        }
      }
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  for (const candidate of candidates) {
    const last = kept.at(-1);
    if (last === undefined || candidate.start >= last.end) kept.push(candidate);
  }
  return kept;
}

function finding(kind: PersonalDataKind, number: string, positions: number[]): Finding {
  const start = positions[0] ?? 0;
  const end = (positions.at(-1) ?? start) + 1;
  return { kind, start, end, masked: maskFor(kind, number) };
}

/** A text field to check, by its path in the request (`['warningSigns', 2]`). */
export interface TextField {
  path: (string | number)[];
  text: string;
}

export interface FieldFinding extends Finding {
  path: (string | number)[];
}

export function scanFields(fields: readonly TextField[]): FieldFinding[] {
  return fields.flatMap((field) =>
    findPersonalData(field.text).map((f) => ({ ...f, path: field.path })),
  );
}
