import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';

/**
 * One pino logger for the process: Fastify logs requests through it (its per-request child loggers are cheap,
 * unlike pino-http's, which serialise every request up front), and Nest's own messages go through the adapter below.
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'linli' }, redact: ['req.headers.authorization', 'req.headers["idempotency-key"]'] });
}

/** Nest's LoggerService over pino: `logger.error({ err }, 'msg')` and `logger.log('msg', 'Context')` both land as JSON. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, ...params: unknown[]) {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]) {
    this.write('fatal', message, params);
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, params: unknown[]) {
    if (!this.pino.isLevelEnabled(level)) return;
    // Nest appends the context (the logger's name) as the last string parameter.
    const context = typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    if (message !== null && typeof message === 'object') {
      const text = typeof params[0] === 'string' ? params[0] : undefined;
      this.pino[level]({ context, ...(message as object) }, text);
    } else {
      this.pino[level]({ context }, String(message));
    }
  }
}
