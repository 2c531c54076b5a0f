import type { Principal } from '@xiaojian/platform';

/** Who made a change: events carry the stable user id, rows keep the display name too. */
export interface Actor {
  userId: string;
  name: string;
}

export const actorOf = (principal: Principal): Actor => ({ userId: principal.userId, name: principal.name || principal.userId });
