import type { Actor as TokenActor } from './actor.js';
import type { Actor } from '#rollcall/domain';

/** Token names with this prefix belong to automation (ChatOps, CI), recorded as bots. */
export const BOT_NAME_PREFIX = 'bot:';

/** The token id Rollcall itself acts under (the first admin token's bootstrap). */
export const SYSTEM_TOKEN_ID = 'system';

/**
 * The saga's actor for an authenticated token. The token's name is the identity of its holder, so
 * that a person's operator and approver tokens count as one person under the four-eyes rule.
 */
export function requestingActor(token: Pick<TokenActor, 'tokenId' | 'name'>): Actor {
  if (token.tokenId === SYSTEM_TOKEN_ID) return { kind: 'system', id: token.name, displayName: token.name };
  const kind = token.name.startsWith(BOT_NAME_PREFIX) ? 'bot' : 'user';
  return { kind, id: token.name, displayName: token.name };
}
