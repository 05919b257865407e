import { routes } from '@linli/shared';
import { configureZod } from '@linli/shared';
import { AppError } from './app-error.js';
import { parseRouteInput } from './input.decorator.js';
import { toApiError } from './error-filter.js';

describe('parseRouteInput', () => {
  beforeAll(() => configureZod());

  it('coerces params and query and applies defaults', () => {
    const input = parseRouteInput(routes.listResidencyClaims, { params: {}, query: { communityId: '3' }, body: undefined });
    expect(input).toEqual({ params: {}, query: { communityId: 3, page: 1, pageSize: 20 }, body: {} });
  });

  it('collects every failing field from every part, in Chinese', () => {
    try {
      parseRouteInput(routes.rejectResidencyClaim, { params: { id: '-1' }, query: {}, body: { reason: '' } });
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const { status, body } = toApiError(error);
      expect(status).toBe(400);
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.fields!.map((f) => f.path)).toEqual(['params.id', 'body.reason']);
      expect(body.fields!.every((f) => /[\u4e00-\u9fa5]/.test(f.message))).toBe(true);
    }
  });
});

describe('toApiError', () => {
  it('never leaks an unexpected error', () => {
    const { status, body, unexpected } = toApiError(new Error('SELECT * FROM secret_table failed'));
    expect({ status, unexpected }).toEqual({ status: 500, unexpected: true });
    expect(body).toEqual({ code: 'INTERNAL', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
  });

  it('maps framework client errors to their codes', () => {
    expect(toApiError({ statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' }).body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(toApiError({ statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }).body.code).toBe('MALFORMED_REQUEST');
    expect(toApiError({ statusCode: 415 }).body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
