import { Controller, Inject } from '@nestjs/common';
import { routes, type Health, type Liveness } from '@linli/shared';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AppError } from '../common/app-error.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Database } from '../database/database.js';
import { version } from '../version.js';

/**
 * Liveness and readiness apart: an instance whose database is down is alive (restarting it would not help) but
 * not ready (a load balancer should stop sending it requests). Readiness stays one `SELECT 1`: the benches use it
 * as the floor every other read is measured against.
 */
@Controller()
export class HealthController {
  constructor(
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Endpoint(routes.health)
  async health(): Promise<Health> {
    const started = performance.now();
    try {
      await this.db.run((em) => em.query('SELECT 1'));
    } catch (error) {
      // Bounded by the database timeouts, like every request: a frozen database answers 503 too, not never.
      throw new AppError('DATABASE_UNAVAILABLE', { cause: error });
    }
    return {
      status: 'ok',
      version,
      database: { kind: this.db.kind, ok: true, latencyMs: Math.round((performance.now() - started) * 100) / 100 },
      devLogin: this.config.devLogin,
      wechat: this.config.wechat !== null,
    };
  }

  @Endpoint(routes.healthLive)
  live(): Liveness {
    return { status: 'ok', version };
  }
}
