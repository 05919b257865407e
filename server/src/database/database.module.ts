import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CacheInvalidator } from '../common/cache-invalidator.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { dataSourceOptions } from './data-source-options.js';
import { Database } from './database.js';
import { SchemaSetup } from './schema-setup.js';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config.database, config.databaseTimeouts),
    }),
  ],
  providers: [Database, SchemaSetup, CacheInvalidator],
  exports: [Database, SchemaSetup, CacheInvalidator],
})
export class DatabaseModule {}
