// The request validator: zod parsing with per-field issues in Chinese and English, and strict bodies enforced at start-up.
import { z } from 'zod';
import type { FastifySchemaCompiler } from 'fastify';
import { schemaMessageZh, type ErrorDetail, type RequestPart } from '@lianxin/contracts';
import { findNonStrictObjects } from './strict-body.ts';

export type { RequestPart };

/**
 * Thrown (returned, in Fastify's terms) when a request part fails its schema. Each issue
 * carries its message in both languages (the error body always has both, ADR 007).
 */
export class RequestValidationError extends Error {
  override readonly name = 'RequestValidationError';
  readonly statusCode = 400;
  readonly code = 'VALIDATION_FAILED';
  readonly part: RequestPart;
  readonly issues: readonly ErrorDetail[];

  constructor(part: RequestPart, issues: readonly ErrorDetail[]) {
    super(`Invalid ${part}: ${issues.map((i) => `${i.path || '(root)'} ${i.rule}`).join(', ')}`);
    this.part = part;
    this.issues = issues;
  }
}

const TYPE_ZH: Record<string, string> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  null: '空值',
  undefined: '空',
  bigint: '大整数',
  date: '日期',
  nan: 'NaN',
};

function receivedType(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan';
  return typeof input;
}

const zodZh = z.locales.zhCN().localeError;
const zodEn = z.locales.en().localeError;

// Schema-level messages (`.regex(re, { error: '手机号格式不正确' })`) take precedence over
// these maps in zod, so a service's own wording always wins; these only fill in defaults.
const zhMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return '必填';
    const expected = TYPE_ZH[issue.expected] ?? issue.expected;
    const received = TYPE_ZH[receivedType(issue.input)] ?? receivedType(issue.input);
    return `类型错误：应为${expected}，实际为${received}`;
  }
  return zodZh(issue);
};

const enMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'Required';
  return zodEn(issue);
};

/**
 * Pairs the Chinese and English issues: both parses ran the same schema over the same input,
 * so zod reports the same issues in the same order; only the messages differ.
 */
function toDetails(
  part: RequestPart,
  zhIssues: readonly z.core.$ZodIssue[],
  enIssues: readonly z.core.$ZodIssue[],
  prefix: readonly string[] = [],
): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  zhIssues.forEach((issue, index) => {
    const en = enIssues[index]?.code === issue.code ? enIssues[index] : undefined;
    const base = [...prefix, ...issue.path.map(String)];
    if (issue.code === 'invalid_union') {
      // A union of objects (one attendee or `{ attendees }`): when only one branch has the
      // shape of the value, its own issues name the fields (`attendees.3.name`), which a bare
      // `invalid_union` at the root would not.
      const branch = fittingBranch(issue.errors);
      const zhBranch = branch === undefined ? undefined : issue.errors[branch];
      if (branch !== undefined && zhBranch !== undefined) {
        const enBranch = en?.code === 'invalid_union' ? en.errors[branch] : undefined;
        details.push(...toDetails(part, zhBranch, enBranch ?? zhBranch, base));
        return;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      // One entry per unknown key, its path pointing at the key itself, so the client sees
      // exactly which field to remove.
      for (const key of issue.keys) {
        details.push({
          in: part,
          path: [...base, key].join('.'),
          rule: 'unrecognized_keys',
          message: { zh: `不允许的字段：${key}`, en: `Unknown field: ${key}` },
        });
      }
      return;
    }
    details.push({
      in: part,
      path: base.join('.'),
      rule: issue.code,
      // A schema's own message (English) wins over the Chinese map: contracts translate theirs.
      message: {
        zh: schemaMessageZh(issue.message) ?? issue.message,
        en: en?.message ?? issue.message,
      },
    });
  });
  return details;
}

/**
 * The one branch of a failed union whose shape the value has (no unknown key and no wrong type
 * at the branch's own level), or undefined when none or several do.
 */
function fittingBranch(branches: readonly (readonly z.core.$ZodIssue[])[]): number | undefined {
  const fitting = branches.flatMap((issues, index) =>
    issues.some(
      (i) => i.path.length === 0 && (i.code === 'unrecognized_keys' || i.code === 'invalid_type'),
    )
      ? []
      : [index],
  );
  return fitting.length === 1 ? fitting[0] : undefined;
}

function partOf(httpPart: string | undefined): RequestPart {
  switch (httpPart) {
    case 'body':
    case 'querystring':
    case 'params':
    case 'headers':
      return httpPart;
    default:
      return 'body';
  }
}

const NUL_DEPTH = 64;

/**
 * The path of the first string (value or key) holding U+0000, or undefined. PostgreSQL's jsonb
 * (FerretDB's storage) cannot hold that character — the write would fail as a 500 — and no
 * text people type contains it, so every request part refuses it up front.
 */
export function nulCharacterPath(data: unknown, path: string[] = []): string | undefined {
  if (typeof data === 'string') return data.includes('\u0000') ? path.join('.') : undefined;
  if (typeof data !== 'object' || data === null || path.length > NUL_DEPTH) return undefined;
  for (const [key, value] of Object.entries(data)) {
    if (key.includes('\u0000')) return [...path, key].join('.');
    const found = nulCharacterPath(value, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Fastify validator compiler for zod schemas. Compared with fastify-type-provider-zod's own
 * `validatorCompiler` (which it replaces; the type provider and serializer stay), it
 * 1. refuses at start-up a body schema containing a plain `z.object` (see strict-body.ts), and
 * 2. renders issues in both languages: the happy path parses once; only a failing request is
 *    parsed again for the English text, and
 * 3. refuses U+0000 in any string of any part (see nulCharacterPath).
 */
export const validatorCompiler: FastifySchemaCompiler<z.core.$ZodType> = ({
  schema,
  method,
  url,
  httpPart,
}) => {
  const part = partOf(httpPart);
  if (part === 'body') {
    const loose = findNonStrictObjects(schema);
    if (loose.length > 0) {
      throw new Error(
        `Body schema of ${method} ${url} must use z.strictObject (or z.looseObject where extra keys are intended); plain z.object at: ${loose.join(', ')}`,
      );
    }
  }
  return (data: unknown) => {
    const nul = nulCharacterPath(data);
    if (nul !== undefined) {
      return {
        error: new RequestValidationError(part, [
          {
            in: part,
            path: nul,
            rule: 'nul_character',
            message: {
              zh: '不能包含空字符（U+0000）',
              en: 'Must not contain the NUL character (U+0000)',
            },
          },
        ]),
      };
    }
    const zh = z.safeParse(schema, data, { error: zhMap });
    if (zh.success) return { value: zh.data };
    const en = z.safeParse(schema, data, { error: enMap });
    const enIssues = en.success ? zh.error.issues : en.error.issues;
    return { error: new RequestValidationError(part, toDetails(part, zh.error.issues, enIssues)) };
  };
};
