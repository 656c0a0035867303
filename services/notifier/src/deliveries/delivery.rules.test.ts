// Unit tests of the delivery rules: retry or give up by SMTP reply, exponential backoff, stable ids.
import { describe, expect, it } from 'vitest';
import { backoffMs, classifySmtpError, deliveryIdOf, isLastAttempt } from './delivery.rules.ts';

describe('classifySmtpError', () => {
  it('when the server answers 5xx, then the failure is permanent and keeps the reply', () => {
    const failure = classifySmtpError({
      code: 'EENVELOPE',
      responseCode: 550,
      response: '550 5.1.1 <x@y.cn>: mailbox unavailable',
    });
    expect(failure).toEqual({
      kind: 'permanent',
      code: 'EENVELOPE',
      response: '550 5.1.1 <x@y.cn>: mailbox unavailable',
    });
  });

  it('when the server answers 4xx, then the failure is transient', () => {
    expect(
      classifySmtpError({ code: 'EENVELOPE', responseCode: 451, response: '451 try later' }).kind,
    ).toBe('transient');
  });

  it('when the server cannot be reached, then the failure is transient with the error message', () => {
    const failure = classifySmtpError(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), { code: 'ECONNECTION' }),
    );
    expect(failure).toEqual({
      kind: 'transient',
      code: 'ECONNECTION',
      response: 'connect ECONNREFUSED 127.0.0.1:2525',
    });
  });

  it('when nodemailer refuses the envelope itself, then the failure is permanent', () => {
    expect(classifySmtpError({ code: 'EENVELOPE', message: 'No recipients defined' }).kind).toBe(
      'permanent',
    );
  });
});

describe('backoffMs', () => {
  it('when attempts go on, then the wait doubles up to the cap', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, 100, 1_000, mid))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
  });

  it('when jittered, then the wait stays within ten per cent', () => {
    expect(backoffMs(3, 1_000, 60_000, () => 0)).toBe(3_600);
    expect(backoffMs(3, 1_000, 60_000, () => 1)).toBe(4_400);
  });

  it('when the attempts reach the maximum, then it is the last one', () => {
    expect(isLastAttempt(7, 8)).toBe(false);
    expect(isLastAttempt(8, 8)).toBe(true);
  });
});

describe('deliveryIdOf', () => {
  it('when the same cause, recipient and template come again, then the id is the same; any change gives another', () => {
    const id = deliveryIdOf('ev-1', 'a@b.cn', 'confirmation');
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(deliveryIdOf('ev-1', 'a@b.cn', 'confirmation')).toBe(id);
    expect(deliveryIdOf('ev-1', 'a@b.cn', 'reminder')).not.toBe(id);
    expect(deliveryIdOf('ev-1', 'c@b.cn', 'confirmation')).not.toBe(id);
  });
});
