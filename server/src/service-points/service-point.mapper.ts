import type { OpeningHours, ServicePoint } from '@linli/shared';
import type { ServicePointRow } from './service-points.repository.js';

export function toServicePoint(row: ServicePointRow): ServicePoint {
  return {
    id: row.id,
    streetId: row.streetId,
    communityId: row.communityId,
    communityName: row.communityName,
    name: row.name,
    kind: row.kind,
    organisation: row.organisationId !== null && row.organisationName !== null ? { id: row.organisationId, name: row.organisationName } : null,
    address: row.address,
    lat: Number(row.lat),
    lng: Number(row.lng),
    hours: JSON.parse(row.hours) as OpeningHours,
    services: JSON.parse(row.services) as string[],
    phone: row.phone,
  };
}
