import { Initial1795300323686 } from './1795300323686-initial.js';

/** Every migration, in order. New ones are generated with `pnpm --filter @linli/server migration:generate <Name>`. */
export const migrations = [Initial1795300323686];
