import { Activity } from '../activities/activity.entity.js';
import { ArticleRead } from '../articles/article-read.entity.js';
import { Article } from '../articles/article.entity.js';
import { Signup } from '../activities/signup.entity.js';
import { VolunteerHours } from '../activities/volunteer-hours.entity.js';
import { Invite } from '../adoption/invite.entity.js';
import { DeskLogin } from '../desk/desk-login.entity.js';
import { DeskSession } from '../desk/desk-session.entity.js';
import { AuditChainHead } from '../audit/audit-chain-head.entity.js';
import { AuditLog } from '../audit/audit-log.entity.js';
import { Community } from '../communities/community.entity.js';
import { Household } from '../communities/household.entity.js';
import { OrganisationCommunity } from '../communities/organisation-community.entity.js';
import { Organisation } from '../communities/organisation.entity.js';
import { Street } from '../communities/street.entity.js';
import { OrganisationApplication } from '../organisations/organisation-application.entity.js';
import { InboxItem } from '../notifications/inbox-item.entity.js';
import { SubscribeConsent } from '../notifications/subscribe-consent.entity.js';
import { WechatSend } from '../notifications/wechat-send.entity.js';
import { PollBallot } from '../polls/poll-ballot.entity.js';
import { PollChoice } from '../polls/poll-choice.entity.js';
import { PollOption } from '../polls/poll-option.entity.js';
import { PollParticipation } from '../polls/poll-participation.entity.js';
import { PollQuestion } from '../polls/poll-question.entity.js';
import { Poll } from '../polls/poll.entity.js';
import { CensusResident } from '../residency/census-resident.entity.js';
import { ResidencyClaim } from '../residency/residency-claim.entity.js';
import { Residency } from '../residency/residency.entity.js';
import { RoleGrant } from '../users/role-grant.entity.js';
import { User } from '../users/user.entity.js';
import { Upload } from '../uploads/upload.entity.js';
import { serviceEntities } from '../services/service-entities.js';
import { ServicePoint } from '../service-points/service-point.entity.js';
import { ManagedHandover } from '../managed/managed-handover.entity.js';
import { ServiceRequest } from '../service-requests/service-request.entity.js';
import { Wish } from '../wishes/wish.entity.js';
import { StatsMonth } from '../stats/stats-month.entity.js';

export const entities = [
  Street,
  Community,
  Household,
  Organisation,
  OrganisationCommunity,
  User,
  RoleGrant,
  ResidencyClaim,
  Residency,
  CensusResident,
  AuditLog,
  Activity,
  Signup,
  VolunteerHours,
  InboxItem,
  SubscribeConsent,
  WechatSend,
  Upload,
  Poll,
  PollQuestion,
  PollOption,
  PollParticipation,
  PollBallot,
  PollChoice,
  Article,
  ArticleRead,
  OrganisationApplication,
  AuditChainHead,
  Invite,
  DeskLogin,
  DeskSession,
  ...serviceEntities,
  ServicePoint,
  ManagedHandover,
  ServiceRequest,
  Wish,
  StatsMonth,
];
