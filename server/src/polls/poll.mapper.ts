import type { PollSummary } from '@linli/shared';
import type { Poll } from './poll.entity.js';
import { buildingsOf, phaseOf } from './poll-rules.js';

export function toSummary(poll: Poll, now: Date, voted: boolean): PollSummary {
  return {
    id: poll.id,
    communityId: poll.communityId,
    communityName: poll.community.name,
    title: poll.title,
    phase: phaseOf(poll, now),
    voterMode: poll.voterMode,
    secrecy: poll.secrecy,
    buildings: buildingsOf(poll),
    opensAt: poll.opensAt.toISOString(),
    closesAt: poll.closesAt.toISOString(),
    resultsVisibility: poll.resultsVisibility,
    voted,
  };
}

/** Homes that make the user eligible: in the poll's buildings, or any when it has none. */
export function eligibleHomes<H extends { building: string }>(homes: H[], buildings: string[]): H[] {
  return buildings.length === 0 ? homes : homes.filter((h) => buildings.includes(h.building));
}

