import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pendingSchemaChanges } from './pending-schema-changes.js';

/**
 * Writes a migration with whatever the entities need beyond the existing migrations, diffed against the
 * MySQL database in DATABASE_URL (use a scratch database). Usage:
 *   DATABASE_URL=mysql://root@127.0.0.1:3306/linli_gen pnpm --filter @linli/server migration:generate <Name>
 * Then add the class to migrations/index.ts.
 */
async function main() {
  const url = process.env.DATABASE_URL;
  const name = process.argv[2];
  if (!url?.startsWith('mysql://') || !name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    console.error('Usage: DATABASE_URL=mysql://… migration:generate <PascalCaseName>');
    process.exit(1);
  }
  const { upQueries, downQueries } = await pendingSchemaChanges({ kind: 'mysql', url });
  if (upQueries.length === 0) {
    console.log('Entities and migrations already agree: nothing to generate.');
    return;
  }
  const timestamp = Date.now();
  const quote = (q: { query: string }) => `    await queryRunner.query(${JSON.stringify(q.query)});`;
  const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  async up(queryRunner: QueryRunner): Promise<void> {
${upQueries.map(quote).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${[...downQueries].reverse().map(quote).join('\n')}
  }
}
`;
  const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const file = fileURLToPath(new URL(`../../src/database/migrations/${timestamp}-${kebab}.ts`, import.meta.url));
  writeFileSync(file, source);
  console.log(`Wrote ${file}`);
}

void main();
