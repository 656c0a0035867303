// Tests that the logger never writes a mobile number, token or password, whatever the call shape.
import { describe, expect, it } from 'vitest';
import type { DestinationStream } from 'pino';
import { createApp } from '../http/create-app.ts';
import { createLogger } from './create-logger.ts';

// A mobile on its own (not inside a longer digit run such as a float's fraction), allowing
// the separators and URL escapes it may travel with.
const ANY_MOBILE = /(?<=^|\D|%[0-9A-Fa-f]{2})1[3-9]\d(?:[\s-]|%20)?\d{4}(?:[\s-]|%20)?\d{4}(?!\d)/;

function capture(): {
  stream: DestinationStream;
  lines: () => Record<string, unknown>[];
  raw: () => string;
} {
  const chunks: string[] = [];
  return {
    stream: { write: (chunk: string) => void chunks.push(chunk) },
    raw: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('createLogger', () => {
  it('when mobiles appear in fields, messages, errors, bindings and deep strings, then none reaches the output', () => {
    const out = capture();
    const log = createLogger({ name: 'test', level: 'trace', destination: out.stream });

    log.info({ mobile: '13812345678' }, 'registered');
    log.info({ attendee: { mobile: '13912345678', name: '张三' } }, 'attendee added');
    log.info({ attendees: [{ mobile: '13712345678' }, { mobile: '15012345678' }] }, 'batch');
    log.info({ session: { notes: { text: '请联系 18612345678 确认' } } }, 'deep note');
    log.info('call back on +86 138-1234-5678 please');
    log.info('format arg %s', '13612345678');
    log.info({ contacts: [['a', '13512345678']], count: 13812345678 }, 'nested arrays and numbers');
    log.error(new Error('duplicate mobile 13312345678'));
    log.error({ err: new Error('lookup failed for 19912345678') });
    log.child({ caller: '17712345678' }).warn('child binding');
    log.info(
      {
        payload: {
          phoneNumber: '021-12345678',
          deeper: { a: { b: { c: { mobile: '13012345678' } } } },
        },
      },
      'keys',
    );

    const raw = out.raw();
    expect(raw).not.toMatch(ANY_MOBILE);
    expect(raw).toContain('138****5678');
    expect(raw).toContain('[Redacted]');
    expect(out.lines()).toHaveLength(11);
  });

  it('when a mobile is masked, then the shape 138****5678 keeps the prefix and the last four digits', () => {
    const out = capture();
    createLogger({ destination: out.stream }).info({ note: 'tel 13812345678' }, 'x');
    expect(out.lines()[0]).toMatchObject({ note: 'tel 138****5678' });
  });

  it('when tokens, passwords, cookies and authorization headers are logged, then they are censored', () => {
    const out = capture();
    const log = createLogger({ destination: out.stream });
    log.info(
      {
        password: 'hunter2',
        token: 'eyJhbGciOiJFZERTQSJ9.e30.sig',
        user: { token: 'abc' },
        req: { headers: { authorization: 'Bearer eyJ.e30.sig', cookie: 'sid=1' } },
        headers: { authorization: 'Bearer x' },
      },
      'secrets',
    );
    const raw = out.raw();
    expect(raw).not.toContain('hunter2');
    expect(raw).not.toContain('eyJ');
    expect(raw).not.toContain('sid=1');
    expect(raw).not.toContain('Bearer');
  });

  it('when an object is logged, then the caller’s object is not mutated and ordinary fields survive', () => {
    const out = capture();
    const input = { sessionId: 's-1', attendee: { mobile: '13812345678' }, at: 1732812345678 };
    createLogger({ destination: out.stream }).info(input, 'ok');
    expect(input.attendee.mobile).toBe('13812345678');
    expect(out.lines()[0]).toMatchObject({
      sessionId: 's-1',
      at: 1732812345678,
      msg: 'ok',
      level: 'info',
    });
  });

  it('when an object is circular, then logging still works', () => {
    const out = capture();
    const node: Record<string, unknown> = { name: 'loop' };
    node['self'] = node;
    createLogger({ destination: out.stream }).info({ node }, 'cycle');
    expect(out.lines()[0]).toMatchObject({ node: { name: 'loop', self: '[Circular]' } });
  });

  it('when the level is warn, then info lines are dropped', () => {
    const out = capture();
    const log = createLogger({ level: 'warn', destination: out.stream });
    log.info('hidden');
    log.warn('shown');
    expect(out.lines().map((l) => l['msg'])).toEqual(['shown']);
  });

  it('when Fastify logs a request whose URL and failure carry a mobile, then the lines hold only the mask', async () => {
    const out = capture();
    const app = await createApp({ logger: createLogger({ destination: out.stream }) });
    app.get('/lookup', () => {
      throw new Error('no attendee with mobile 13812345678');
    });
    const response = await app.inject({
      method: 'GET',
      url: '/lookup?mobile=13812345678&q=%2B86%20139-1234-5678',
    });
    await app.close();
    expect(response.statusCode).toBe(500);
    const raw = out.raw();
    expect(raw).toContain('/lookup?mobile=138****5678');
    expect(raw).toContain('no attendee with mobile 138****5678');
    expect(ANY_MOBILE.exec(raw)?.[0]).toBeUndefined();
  });
});
