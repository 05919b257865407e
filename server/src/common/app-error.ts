import { errorMessages, type ErrorCode, type FieldError } from '@linli/shared';

/**
 * The one error type services throw: a stable code from shared, a Chinese message, optional field details.
 * These are answers to the caller, not faults, so they carry no stack trace: capturing one cost more than the
 * rest of a refused request (名额已满 five thousand times a minute in a sign-up rush).
 */
export class AppError extends Error {
  readonly fields?: FieldError[];
  /** Sent as `Retry-After` (seconds): when the caller may try again. */
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: ErrorCode,
    options: { message?: string; fields?: FieldError[]; cause?: unknown; retryAfterSeconds?: number } = {},
  ) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(options.message ?? errorMessages[code], { cause: options.cause });
    Error.stackTraceLimit = limit;
    this.name = 'AppError';
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
