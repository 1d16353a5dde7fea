import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Actor } from '../actor.js';
import { AuthException, AuthExceptionCode } from '../auth.exception.js';
import { ApiTokenRepository } from '../tokens/api-token.repository.js';
import { hashTokenSecret, looksLikeToken } from '../tokens/token-secret.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Turns an `Authorization` header into the actor it names, or a 401 problem. */
@Injectable()
export class TokenAuthenticator {
  private readonly logger = new Logger('TokenAuthenticator');

  constructor(@Inject(ApiTokenRepository) private readonly tokens: ApiTokenRepository) {}

  async authenticate(authorization: string | undefined): Promise<Actor> {
    const secret = authorization === undefined ? undefined : BEARER.exec(authorization)?.[1];
    if (secret === undefined) {
      throw new AuthException(AuthExceptionCode.MissingToken, 'Send an API token as "Authorization: Bearer rc_...".');
    }
    const row = looksLikeToken(secret) ? await this.tokens.findActiveByHash(hashTokenSecret(secret)) : undefined;
    if (row === undefined) {
      throw new AuthException(AuthExceptionCode.InvalidToken, 'The bearer token is not a current Rollcall API token.');
    }
    this.tokens.touch(row.id).catch((error: unknown) => this.logger.warn(`could not mark token use: ${String(error)}`));
    return { tokenId: row.id, name: row.name, roles: row.roles };
  }
}
