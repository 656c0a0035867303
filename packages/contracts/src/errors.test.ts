// Unit tests for the error body and the code catalogue.
import { describe, expect, it } from 'vitest';
import { ERROR_STATUS, ErrorBody, ErrorCode } from './errors.ts';

describe('ErrorBody', () => {
  it('when a validation error names fields, then the details keep the paths and any extra fields', () => {
    const body = {
      error: {
        code: 'PII_DETECTED',
        message: {
          zh: '发布内容不得包含个人信息',
          en: 'Published text must not contain personal data',
        },
        details: [
          {
            path: 'summary',
            rule: 'pii',
            message: { zh: '未打码的手机号', en: 'Unmasked mobile number' },
            spans: [[12, 23]],
          },
        ],
      },
    };
    expect(ErrorBody.parse(body)).toEqual(body);
  });

  it('when the code is not catalogued, then the body is refused', () => {
    const result = ErrorBody.safeParse({
      error: { code: 'SESSION_FULL', message: { zh: '满员', en: 'full' } },
    });
    expect(result.error?.issues[0]?.path).toEqual(['error', 'code']);
  });

  it('when listing codes, then each has an HTTP error status and is SCREAMING_SNAKE_CASE', () => {
    for (const code of ErrorCode.options) {
      expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
      expect(code).toMatch(/^[A-Z]+(?:_[A-Z]+)*$/);
    }
  });
});
