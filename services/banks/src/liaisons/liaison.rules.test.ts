// Unit tests of the liaison rules: limits and the single primary, without servers.
import { describe, expect, it } from 'vitest';
import type { Liaison } from '../banks/bank.ts';
import { addLiaison, changeRole, removeLiaison } from './liaison.rules.ts';

const person = (id: string) => ({
  id,
  name: id,
  mobile: '13800000000',
  email: `${id}@bank.example.com`,
  title: null,
  addedAt: '2026-01-01T00:00:00.000Z',
});
const roles = (list: Liaison[]) => list.filter((l) => l.active).map((l) => `${l.id}:${l.role}`);

describe('liaison rules', () => {
  it('when the first liaison is added as backup, then it becomes the primary anyway', () => {
    expect(roles(addLiaison([], person('a'), 'backup').liaisons)).toEqual(['a:primary']);
  });

  it('when a second liaison is added without a role, then it is the backup', () => {
    const one = addLiaison([], person('a'), undefined).liaisons;
    const two = addLiaison(one, person('b'), undefined);
    expect(roles(two.liaisons)).toEqual(['a:primary', 'b:backup']);
    expect(two.alsoChanged).toEqual([]);
  });

  it('when a second liaison is added as primary, then the first is demoted in the same change', () => {
    const one = addLiaison([], person('a'), undefined).liaisons;
    const two = addLiaison(one, person('b'), 'primary');
    expect(roles(two.liaisons)).toEqual(['a:backup', 'b:primary']);
    expect(two.alsoChanged).toEqual(['a']);
  });

  it('when a third active liaison is added, then it is refused with LIAISON_LIMIT', () => {
    const two = addLiaison(
      addLiaison([], person('a'), undefined).liaisons,
      person('b'),
      undefined,
    ).liaisons;
    expect(() => addLiaison(two, person('c'), undefined)).toThrow(
      expect.objectContaining({ code: 'LIAISON_LIMIT', status: 409 }),
    );
  });

  it('when the backup is promoted, then the primary is demoted', () => {
    const two = addLiaison(
      addLiaison([], person('a'), undefined).liaisons,
      person('b'),
      undefined,
    ).liaisons;
    const next = changeRole(two, 'b', 'primary');
    expect(roles(next.liaisons)).toEqual(['a:backup', 'b:primary']);
    expect(next.alsoChanged).toEqual(['a']);
  });

  it('when the only liaison is made backup, then it is refused', () => {
    const one = addLiaison([], person('a'), undefined).liaisons;
    expect(() => changeRole(one, 'a', 'backup')).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
  });

  it('when the primary is removed, then the backup becomes primary and the history stays', () => {
    const two = addLiaison(
      addLiaison([], person('a'), undefined).liaisons,
      person('b'),
      undefined,
    ).liaisons;
    const next = removeLiaison(two, 'a', '2026-02-01T00:00:00.000Z');
    expect(roles(next.liaisons)).toEqual(['b:primary']);
    expect(next.liaisons.find((l) => l.id === 'a')).toMatchObject({
      active: false,
      removedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(next.alsoChanged).toEqual(['b']);
    // with one active again, a new one can be added
    expect(roles(addLiaison(next.liaisons, person('c'), undefined).liaisons)).toEqual([
      'b:primary',
      'c:backup',
    ]);
  });
});
