import 'reflect-metadata';
import { runAdmin } from './admin-commands.js';

/** `pnpm --filter @linli/server admin <command>`: see admin-commands.ts. */
const code = await runAdmin(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
process.exit(code);
