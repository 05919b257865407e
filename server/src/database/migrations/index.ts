import { Initial1795300323686 } from './1795300323686-initial.js';
import { Activities1795305261766 } from './1795305261766-activities.js';

/** Every migration, in order. New ones are generated with `pnpm --filter @linli/server migration:generate <Name>`. */
export const migrations = [Initial1795300323686, Activities1795305261766];
