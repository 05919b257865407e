import { Activity } from '../activities/activity.entity.js';
import { Signup } from '../activities/signup.entity.js';
import { VolunteerHours } from '../activities/volunteer-hours.entity.js';
import { AuditLog } from '../audit/audit-log.entity.js';
import { Community } from '../communities/community.entity.js';
import { Household } from '../communities/household.entity.js';
import { OrganisationCommunity } from '../communities/organisation-community.entity.js';
import { Organisation } from '../communities/organisation.entity.js';
import { Street } from '../communities/street.entity.js';
import { InboxItem } from '../notifications/inbox-item.entity.js';
import { CensusResident } from '../residency/census-resident.entity.js';
import { ResidencyClaim } from '../residency/residency-claim.entity.js';
import { Residency } from '../residency/residency.entity.js';
import { RoleGrant } from '../users/role-grant.entity.js';
import { User } from '../users/user.entity.js';

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
];
