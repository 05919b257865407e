import { ConfigError, loadConfig } from './config/config.js';
import { createApp } from './create-app.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  const where = config.database.kind === 'mysql' ? 'MySQL' : `SQLite file ${config.database.path}`;
  console.log(`Linli is running at http://localhost:${config.port}/ (API /api, docs /api/docs) on ${where}`);
}

void main();
