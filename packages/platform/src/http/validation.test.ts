// Tests for request validation: strict bodies, operator keys, field paths and bilingual messages.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp } from './create-app.ts';
import type { App } from './create-app.ts';
import { ErrorBody, Mobile } from '@lianxin/contracts';
import { RequestValidationError, validatorCompiler } from './validation.ts';

const Attendee = z.strictObject({
  name: z.string().min(1),
  mobile: z.string().regex(/^1[3-9]\d{9}$/),
});
const Registration = z.strictObject({ attendee: Attendee, note: z.string().optional() });

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function build(): Promise<App> {
  app = await createApp();
  app.post(
    '/registrations',
    {
      schema: {
        body: Registration,
        querystring: z.object({ page: z.coerce.number().int().min(1).optional() }),
        response: { 201: z.object({ ok: z.literal(true) }) },
      },
    },
    async (_request, reply) => reply.status(201).send({ ok: true }),
  );
  app.post('/anything', () => ({ ok: true }));
  return app;
}

async function post(
  target: App,
  payload: unknown,
  headers: Record<string, string> = {},
  url = '/registrations',
) {
  const response = await target.inject({
    method: 'POST',
    url,
    payload: payload as object,
    headers,
  });
  return {
    status: response.statusCode,
    body: ErrorBody.parse(response.json()),
    headers: response.headers,
  };
}

const valid = { attendee: { name: '张三', mobile: '13812345678' } };

describe('request validation', () => {
  it('when the body is valid, then the route runs', async () => {
    const target = await build();
    const response = await target.inject({ method: 'POST', url: '/registrations', payload: valid });
    expect(response.statusCode).toBe(201);
  });

  it('when the body has an unknown field, then 400 VALIDATION_FAILED names it with its path', async () => {
    const { status, body } = await post(await build(), {
      ...valid,
      attendee: { ...valid.attendee, role: 'admin' },
      isAdmin: true,
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message.zh).toContain('attendee.role');
    expect(body.error.details).toEqual(
      expect.arrayContaining([
        {
          in: 'body',
          path: 'attendee.role',
          rule: 'unrecognized_keys',
          message: { zh: '不允许的字段：role', en: 'Unknown field: role' },
        },
        {
          in: 'body',
          path: 'isAdmin',
          rule: 'unrecognized_keys',
          message: { zh: '不允许的字段：isAdmin', en: 'Unknown field: isAdmin' },
        },
      ]),
    );
  });

  it('when a string field receives {"$ne": null}, then 400 and the operator is named', async () => {
    const { status, body } = await post(await build(), {
      attendee: { name: 'x', mobile: { $ne: null } },
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details).toEqual([
      expect.objectContaining({ in: 'body', path: 'attendee.mobile.$ne', rule: 'forbidden_key' }),
    ]);
  });

  it('when the key guard is bypassed, then zod alone still refuses an object where a string is typed', () => {
    const validate = validatorCompiler({
      schema: Registration,
      method: 'POST',
      url: '/x',
      httpPart: 'body',
    });
    const result = validate({ attendee: { name: 'x', mobile: { $ne: null } } });
    const error = typeof result === 'object' && 'error' in result ? result.error : undefined;
    if (!(error instanceof RequestValidationError))
      throw new Error('expected a RequestValidationError');
    expect(error.issues).toEqual([
      expect.objectContaining({ path: 'attendee.mobile', rule: 'invalid_type' }),
    ]);
  });

  it('when a $-prefixed key hides deep inside an untyped body, then 400 names its path', async () => {
    const { status, body } = await post(
      await build(),
      { filter: { any: [{ ok: 1 }, { nested: { $where: 'sleep(1000)' } }] } },
      {},
      '/anything',
    );
    expect(status).toBe(400);
    expect(body.error.details).toEqual([
      expect.objectContaining({ path: 'filter.any.1.nested.$where', rule: 'forbidden_key' }),
    ]);
  });

  it('when a key contains a dot, then 400', async () => {
    const { status, body } = await post(
      await build(),
      { 'profile.role': 'admin' },
      {},
      '/anything',
    );
    expect(status).toBe(400);
    expect(body.error.details).toEqual([
      expect.objectContaining({ path: 'profile.role', rule: 'forbidden_key' }),
    ]);
  });

  it('when a string holds the NUL character, in a value or a key, then 400 names its path with rule nul_character', async () => {
    const target = await build();
    const inValue = await post(target, { attendee: { name: '张\u0000三', mobile: '13812345678' } });
    expect(inValue.status).toBe(400);
    expect(inValue.body.error.details).toEqual([
      expect.objectContaining({ in: 'body', path: 'attendee.name', rule: 'nul_character' }),
    ]);
    expect(inValue.body.error.details?.[0]?.message.zh).toContain('空字符');
    const inKey = await post(target, { ...valid, ['no\u0000te']: 'x' });
    expect(inKey.body.error.details?.[0]).toMatchObject({
      path: 'no\u0000te',
      rule: 'nul_character',
    });
    const inQuery = await post(target, valid, {}, '/registrations?page=%00');
    expect(inQuery.status).toBe(400);
    expect(inQuery.body.error.details?.[0]).toMatchObject({ in: 'querystring', path: 'page' });
  });

  it('when the query string carries a $ key, then 400 with in=querystring', async () => {
    const response = await (
      await build()
    ).inject({
      method: 'POST',
      url: '/registrations?$where=1',
      payload: valid,
    });
    expect(response.statusCode).toBe(400);
    expect(ErrorBody.parse(response.json()).error.details).toEqual([
      expect.objectContaining({ in: 'querystring', path: '$where' }),
    ]);
  });

  it('when fields are missing or malformed, then each path is listed with its rule', async () => {
    const { body } = await post(await build(), { attendee: { mobile: '12345' } });
    expect(body.error.details).toEqual([
      {
        in: 'body',
        path: 'attendee.name',
        rule: 'invalid_type',
        message: { zh: '必填', en: 'Required' },
      },
      expect.objectContaining({ in: 'body', path: 'attendee.mobile', rule: 'invalid_format' }),
    ]);
  });

  it('when a request is invalid, then the message and every detail carry Chinese and English, whatever Accept-Language says', async () => {
    const { body } = await post(
      await build(),
      { attendee: { mobile: '13812345678' }, extra: 1 },
      { 'accept-language': 'en-US,en;q=0.9,zh-CN;q=0.8' },
    );
    expect(body.error.message).toEqual({
      zh: '请求参数无效：attendee.name、extra',
      en: 'The request is invalid: attendee.name, extra',
    });
    expect(body.error.details).toEqual([
      {
        in: 'body',
        path: 'attendee.name',
        rule: 'invalid_type',
        message: { zh: '必填', en: 'Required' },
      },
      {
        in: 'body',
        path: 'extra',
        rule: 'unrecognized_keys',
        message: { zh: '不允许的字段：extra', en: 'Unknown field: extra' },
      },
    ]);
  });

  it('when the query string is invalid, then 400 with in=querystring', async () => {
    const response = await (
      await build()
    ).inject({
      method: 'POST',
      url: '/registrations?page=0',
      payload: valid,
    });
    expect(response.statusCode).toBe(400);
    expect(ErrorBody.parse(response.json()).error.details).toEqual([
      expect.objectContaining({ in: 'querystring', path: 'page', rule: 'too_small' }),
    ]);
  });

  it('when a route declares a body schema with a plain z.object, then start-up fails naming the route and path', async () => {
    const target = await createApp();
    app = target;
    target.post(
      '/loose',
      { schema: { body: z.strictObject({ attendee: z.object({ mobile: z.string() }) }) } },
      () => ({}),
    );
    await expect(target.ready()).rejects.toThrow(
      /POST \/loose must use z\.strictObject.*plain z\.object at: attendee/,
    );
  });

  it('when a body opts into extra keys with z.looseObject, then it is accepted', async () => {
    const target = await createApp();
    app = target;
    target.post(
      '/loose',
      { schema: { body: z.strictObject({ meta: z.looseObject({ source: z.string() }) }) } },
      () => ({ ok: true }),
    );
    const response = await target.inject({
      method: 'POST',
      url: '/loose',
      payload: { meta: { source: 'sms', campaign: 'spring' } },
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('unions and schema messages', () => {
  const Person = z.strictObject({ name: z.string().min(1), mobile: Mobile });
  const OneOrMany = z.union([Person, z.strictObject({ people: z.array(Person).min(1) })]);

  async function buildUnion(): Promise<App> {
    app = await createApp();
    app.post('/people', { schema: { body: OneOrMany } }, () => ({ ok: true }));
    return app;
  }

  it('when a batch of a union body has a row missing its name and another with a bad mobile, then each detail names the row and field', async () => {
    const { status, body } = await post(
      await buildUnion(),
      {
        people: [
          { name: '张三', mobile: '13812345678' },
          { mobile: '13812345679' },
          { name: '李四', mobile: '1381234' },
        ],
      },
      {},
      '/people',
    );
    expect(status).toBe(400);
    expect(body.error.details).toEqual([
      expect.objectContaining({ path: 'people.1.name', rule: 'invalid_type' }),
      expect.objectContaining({ path: 'people.2.mobile', rule: 'invalid_format' }),
    ]);
  });

  it('when the value has the shape of no branch of the union, then one invalid_union detail at its path', async () => {
    const { body } = await post(await buildUnion(), [{ name: '张三' }], {}, '/people');
    expect(body.error.details).toEqual([
      expect.objectContaining({ path: '', rule: 'invalid_union' }),
    ]);
  });

  it('when a contracts schema gives its own message, then the detail has its Chinese too', async () => {
    const { body } = await post(
      await buildUnion(),
      { name: '王五', mobile: '2381234567' },
      {},
      '/people',
    );
    expect(body.error.details).toEqual([
      {
        in: 'body',
        path: 'mobile',
        rule: 'invalid_format',
        message: {
          zh: '应为大陆手机号（11 位数字，以 13–19 开头）',
          en: 'Expected a mainland mobile number (11 digits starting 13–19)',
        },
      },
    ]);
  });
});

describe('path parameters', () => {
  it('when a path parameter is longer than 100 characters, then its own schema decides (200 within it, 400 past it), never 414', async () => {
    app = await createApp();
    app.get(
      '/tokens/:token',
      {
        schema: {
          params: z.strictObject({ token: z.string().max(600) }),
          response: { 200: z.object({ length: z.number() }) },
        },
      },
      (request) => ({ length: request.params.token.length }),
    );
    const within = await app.inject({ method: 'GET', url: `/tokens/${'a'.repeat(300)}` });
    expect(within.statusCode).toBe(200);
    expect(within.json()).toEqual({ length: 300 });
    const past = await app.inject({ method: 'GET', url: `/tokens/${'a'.repeat(700)}` });
    expect(past.statusCode).toBe(400);
    expect(ErrorBody.parse(past.json()).error.details?.[0]).toMatchObject({
      in: 'params',
      path: 'token',
    });
  });
});
