import { errorMessages, type ErrorCode, type FieldError } from '@linli/shared';

/** The one error type services throw: a stable code from shared, a Chinese message, optional field details. */
export class AppError extends Error {
  readonly fields?: FieldError[];

  constructor(
    readonly code: ErrorCode,
    options: { message?: string; fields?: FieldError[]; cause?: unknown } = {},
  ) {
    super(options.message ?? errorMessages[code], { cause: options.cause });
    this.name = 'AppError';
    this.fields = options.fields;
  }
}
