import { ServiceBeneficiary } from './service-beneficiary.entity.js';
import { ServiceContract } from './service-contract.entity.js';
import { ServiceEvaluation } from './service-evaluation.entity.js';
import { ServiceItemDueWeek } from './service-item-due-week.entity.js';
import { ServiceItemActivity } from './service-item-activity.entity.js';
import { ServiceItemMonth } from './service-item-month.entity.js';
import { ServiceItemWorker } from './service-item-worker.entity.js';
import { ServiceItem } from './service-item.entity.js';
import { ServiceLog } from './service-log.entity.js';

/** The delegated-services tables, listed in database/entities.ts. */
export const serviceEntities = [
  ServiceContract,
  ServiceItem,
  ServiceItemWorker,
  ServiceItemActivity,
  ServiceBeneficiary,
  ServiceLog,
  ServiceItemMonth,
  ServiceEvaluation,
  ServiceItemDueWeek,
];
