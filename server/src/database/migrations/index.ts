import { Initial1795300323686 } from './1795300323686-initial.js';
import { Activities1795305261766 } from './1795305261766-activities.js';
import { ActivityCancelAndInboxRead1795309320020 } from './1795309320020-activity-cancel-and-inbox-read.js';
import { Uploads1795309384795 } from './1795309384795-uploads.js';
import { Polls1795311159877 } from './1795311159877-polls.js';
import { Articles1795311240320 } from './1795311240320-articles.js';
import { UserDeletedAt1795314149661 } from './1795314149661-user-deleted-at.js';
import { WechatSubscriptions1795314290808 } from './1795314290808-wechat-subscriptions.js';
import { UserPhone1795314400000 } from './1795314400000-user-phone.js';
import { ContentHeld1795314600000 } from './1795314600000-content-held.js';
import { PollBackgroundHtml1795318667000 } from './1795318667000-poll-background-html.js';
import { UserPendingNickname1795319000000 } from './1795319000000-user-pending-nickname.js';
import { ActivityPublishedAt1795319500000 } from './1795319500000-activity-published-at.js';
import { ActivityReminder1795320000000 } from './1795320000000-activity-reminder.js';
import { StreetSetup1796665631989 } from './1796665631989-street-setup.js';
import { ResidencyClaimPendingSlot1796666056300 } from './1796666056300-residency-claim-pending-slot.js';
import { StaffInvitesAuditChain1796666136228 } from './1796666136228-staff-invites-audit-chain.js';
import { StatsIndexes1796669907539 } from './1796669907539-stats-indexes.js';
import { DeskLogin1796670151392 } from './1796670151392-desk-login.js';
import { DelegatedServices1796700000000 } from './1796700000000-delegated-services.js';
import { ServiceRequestsWishes1796710000000 } from './1796710000000-service-requests-wishes.js';
import { ServicePoints1796720000000 } from './1796720000000-service-points.js';
import { ManagedResidents1796730000000 } from './1796730000000-managed-residents.js';
import { StatsMonth1796740000000 } from './1796740000000-stats-month.js';
import { StatsActivityIndex1796740000001 } from './1796740000001-stats-activity-index.js';

/** Every migration, in order. New ones are generated with `pnpm --filter @linli/server migration:generate <Name>`. */
export const migrations = [Initial1795300323686, Activities1795305261766, ActivityCancelAndInboxRead1795309320020, Uploads1795309384795, Polls1795311159877, Articles1795311240320, UserDeletedAt1795314149661, WechatSubscriptions1795314290808, UserPhone1795314400000, ContentHeld1795314600000, PollBackgroundHtml1795318667000, UserPendingNickname1795319000000, ActivityPublishedAt1795319500000, ActivityReminder1795320000000, StreetSetup1796665631989, ResidencyClaimPendingSlot1796666056300, StaffInvitesAuditChain1796666136228, StatsIndexes1796669907539, DeskLogin1796670151392, DelegatedServices1796700000000, ServiceRequestsWishes1796710000000, ServicePoints1796720000000, ManagedResidents1796730000000, StatsMonth1796740000000, StatsActivityIndex1796740000001];
