import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { statsMonthRecountSql } from '../stats/stats-month-writer.js';
import { Database } from './database.js';
import { seedDemo } from './seed/seed-demo.js';

/** Brings the schema up to date (migrations on MySQL, synchronise on SQLite) and seeds the demo street once. */
@Injectable()
export class SchemaSetup {
  private readonly logger = new Logger('SchemaSetup');

  constructor(
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async prepare(): Promise<void> {
    const { dataSource } = this.db;
    if (this.db.kind === 'mysql') {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      if (applied.length) this.logger.log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
    } else {
      // A demo file from before the summary existed gets it filled once, as the MySQL migration does.
      const summaryExisted = (await this.db.rawQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stats_month'", [])).length > 0;
      await this.db.run(() => dataSource.synchronize());
      if (!summaryExisted) {
        await this.db.transaction(async () => {
          for (const sql of statsMonthRecountSql('sqlite')) await this.db.rawQuery(sql, []);
        });
      }
    }
    if (this.config.seedDemo) {
      const seeded = await this.db.transaction(() => seedDemo(this.db));
      if (seeded) this.logger.log('Seeded the demo street (和平街道)');
    }
    this.db.boundWaits(this.config.databaseTimeouts);
  }
}
