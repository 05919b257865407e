import { Injectable } from '@nestjs/common';
import type { Coordinates, NearbyServicePoint, NearbyServicePoints, NearQuery } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import { boundingBox, haversineMeters, walkingEstimate } from './geo.js';
import { openingToday } from './opening-hours.js';
import { toServicePoint } from './service-point.mapper.js';
import { ServicePointsRepository } from './service-points.repository.js';
import { assertCoordinates } from './service-points.service.js';

/**
 * 身边服务: the points nearest a resident. The (latBand, lng, lat) index narrows the district's thousands of
 * points to a box around the origin, reading coordinates only; distances are exact (haversine) for those, and
 * only the nearest few are read whole.
 */
/** Where the widening search starts: about six minutes' walk. */
const FIRST_RADIUS_M = 500;

@Injectable()
export class NearbyService {
  constructor(
    private readonly repo: ServicePointsRepository,
    private readonly clock: Clock,
  ) {}

  async near(auth: AuthContext, query: NearQuery): Promise<NearbyServicePoints> {
    const origin = await this.origin(auth, query);
    const nearest = await this.nearestIds(origin, query);
    const rows = new Map((await this.repo.byIds(nearest.map((n) => n.id))).map((r) => [r.id, r]));
    const now = this.clock.now();
    const items: NearbyServicePoint[] = [];
    for (const n of nearest) {
      const row = rows.get(n.id);
      // Deleted between the two reads: simply not near any more.
      if (!row) continue;
      const point = toServicePoint(row);
      items.push({ ...point, distanceMeters: Math.round(n.meters), ...walkingEstimate(n.meters), ...openingToday(point.hours, now) });
    }
    return { origin, radiusMeters: query.radius, items };
  }

  /**
   * The `limit` nearest points within the radius. The search box starts small and doubles: once a circle holds
   * `limit` points, nothing outside it can be nearer, so a dense district reads a few dozen index entries, not
   * every point of a 3 km box.
   */
  private async nearestIds(origin: Coordinates, query: NearQuery): Promise<{ id: number; meters: number }[]> {
    for (let radius = Math.min(FIRST_RADIUS_M, query.radius); ; radius = Math.min(radius * 2, query.radius)) {
      const within = (await this.repo.inBox(boundingBox(origin, radius), query.kind))
        .map((c) => ({ id: c.id, meters: haversineMeters(origin, c) }))
        .filter((c) => c.meters <= radius);
      if (within.length >= query.limit || radius === query.radius) {
        return within.sort((a, b) => a.meters - b.meters || a.id - b.id).slice(0, query.limit);
      }
    }
  }

  /** A position the caller gave, or the centre of the community of a household they live in. */
  private async origin(auth: AuthContext, query: NearQuery): Promise<NearbyServicePoints['origin']> {
    if (query.lat !== undefined && query.lng !== undefined) {
      assertCoordinates(query.lat, query.lng);
      return { lat: query.lat, lng: query.lng, source: 'position', communityName: null };
    }
    const community = await this.repo.residentCommunity(auth.userId, query.householdId!);
    if (!community) throw new AppError('NEAR_HOUSEHOLD_NOT_YOURS');
    if (community.lat === null || community.lng === null) throw new AppError('NEAR_ORIGIN_UNKNOWN');
    return { lat: community.lat, lng: community.lng, source: 'household', communityName: community.name };
  }
}
