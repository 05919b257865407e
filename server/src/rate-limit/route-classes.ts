import { routes, type AnyRoute } from '@linli/shared';
import type { RateLimitClass } from '../config/config.js';

type RouteName = keyof typeof routes;

/** Routes with a limit of their own; every other route that changes something counts as a `write`. */
const CLASSES: Partial<Record<RouteName, RateLimitClass>> = {
  devLogin: 'login',
  wechatLogin: 'login',
  createResidencyClaim: 'claim',
  uploadImage: 'upload',
  // Text other people read (and content checks cost a WeChat call each).
  updateMe: 'content',
  createArticle: 'content',
  updateArticle: 'content',
  createActivity: 'content',
  updateActivity: 'content',
  createPoll: 'content',
  updatePoll: 'content',
};

const byRoute = new Map<AnyRoute, RateLimitClass | null>(
  (Object.entries(routes) as [RouteName, AnyRoute][]).map(([name, route]) => [route, CLASSES[name] ?? (route.method === 'GET' ? null : 'write')]),
);

/** The limit a route's requests count against; null for reads, which are never limited. */
export function rateLimitClassOf(route: AnyRoute): RateLimitClass | null {
  return byRoute.get(route) ?? null;
}
