import { Initial1795300323686 } from './1795300323686-initial.js';
import { Activities1795305261766 } from './1795305261766-activities.js';
import { ActivityCancelAndInboxRead1795309320020 } from './1795309320020-activity-cancel-and-inbox-read.js';
import { Uploads1795309384795 } from './1795309384795-uploads.js';
import { Polls1795311159877 } from './1795311159877-polls.js';
import { Articles1795311240320 } from './1795311240320-articles.js';

/** Every migration, in order. New ones are generated with `pnpm --filter @linli/server migration:generate <Name>`. */
export const migrations = [Initial1795300323686, Activities1795305261766, ActivityCancelAndInboxRead1795309320020, Uploads1795309384795, Polls1795311159877, Articles1795311240320];
