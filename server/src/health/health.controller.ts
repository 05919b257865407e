import { Controller, Inject } from '@nestjs/common';
import { routes, type Health } from '@linli/shared';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Database } from '../database/database.js';
import { version } from '../version.js';

@Controller()
export class HealthController {
  constructor(
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Endpoint(routes.health)
  async health(): Promise<Health> {
    const started = performance.now();
    let ok = true;
    try {
      await this.db.run((em) => em.query('SELECT 1'));
    } catch {
      ok = false;
    }
    return {
      status: ok ? 'ok' : 'degraded',
      version,
      database: { kind: this.db.kind, ok, latencyMs: ok ? Math.round((performance.now() - started) * 100) / 100 : null },
      devLogin: this.config.devLogin,
      wechat: this.config.wechat !== null,
    };
  }
}
