import type { Actor as TokenActor } from '#rollcall/auth';
import type { Actor } from '#rollcall/domain';

/** Token names with this prefix belong to automation (ChatOps, CI), recorded as bots. */
export const BOT_NAME_PREFIX = 'bot:';

/**
 * The saga's actor for an authenticated token. The token's name is the identity of its holder, so
 * that a person's operator and approver tokens count as one person under the four-eyes rule.
 */
export function requestingActor(token: TokenActor): Actor {
  const kind = token.name.startsWith(BOT_NAME_PREFIX) ? 'bot' : 'user';
  return { kind, id: token.name, displayName: token.name };
}
