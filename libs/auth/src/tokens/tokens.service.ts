import { Inject, Injectable } from '@nestjs/common';
import {
  decodeCursor,
  HttpConventionException,
  HttpExceptionCode,
  toPage,
  type Page,
  type PageQuery,
} from '#rollcall/http';
import { inTransaction, PG_POOL } from '#rollcall/postgres';
import type pg from 'pg';
import { ACTION_RECORDER, type ActionRecorder } from '../actions/action-recorder.port.js';
import type { Actor } from '../actor.js';
import { AuthException, AuthExceptionCode } from '../auth.exception.js';
import { toTokenView, type ApiTokenView } from './api-token.js';
import { ApiTokenRepository } from './api-token.repository.js';
import { generateTokenSecret, hashTokenSecret } from './token-secret.js';
import type { CreateTokenRequest } from './token-request.schema.js';

export interface CreatedToken {
  readonly id: string;
  readonly name: string;
  readonly roles: ApiTokenView['roles'];
  /** The secret, shown in this response only. */
  readonly token: string;
  readonly createdAt: string;
}

/** Creates, lists and revokes API tokens, recording each change with its actor. */
@Injectable()
export class TokensService {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(ApiTokenRepository) private readonly tokens: ApiTokenRepository,
    @Inject(ACTION_RECORDER) private readonly recorder: ActionRecorder,
  ) {}

  create(actor: Actor, request: CreateTokenRequest): Promise<CreatedToken> {
    const secret = generateTokenSecret();
    return inTransaction(this.pool, async (client) => {
      const row = await this.tokens.insert(
        { ...request, tokenHash: hashTokenSecret(secret), createdBy: actor.tokenId },
        client,
      );
      await this.recorder.record(
        { actor, action: 'token.created', subject: row.id, details: { name: row.name, roles: row.roles } },
        client,
      );
      return { id: row.id, name: row.name, roles: row.roles, token: secret, createdAt: row.created_at.toISOString() };
    });
  }

  async list(query: PageQuery): Promise<Page<ApiTokenView>> {
    const rows = await this.tokens.list(
      query.limit + 1,
      query.cursor === undefined ? undefined : afterKey(query.cursor),
    );
    return toPage(rows, query.limit, (row) => [row.created_us, row.id], toTokenView);
  }

  /**
   * Revoking the last active admin token is refused: nobody could then create or revoke tokens
   * until an operator restarted the service to mint a new one.
   */
  revoke(actor: Actor, id: string): Promise<void> {
    return inTransaction(this.pool, async (client) => {
      const admins = await this.tokens.lockActiveAdminIds(client);
      if (admins.length === 1 && admins[0] === id) {
        throw new AuthException(
          AuthExceptionCode.LastAdminToken,
          'This is the last active admin token; create another admin token before revoking it.',
        );
      }
      const revoked = await this.tokens.revoke(id, client);
      if (revoked === undefined) throw new AuthException(AuthExceptionCode.TokenNotFound, `No token has id ${id}.`);
      await this.recorder.record(
        { actor, action: 'token.revoked', subject: id, details: { name: revoked.name } },
        client,
      );
    });
  }
}

function afterKey(cursor: string): readonly [string, string] {
  const [createdUs, id] = decodeCursor(cursor);
  if (
    typeof createdUs !== 'string' ||
    !/^\d{1,18}$/.test(createdUs) ||
    typeof id !== 'string' ||
    !/^[0-9a-f-]{36}$/.test(id)
  ) {
    throw new HttpConventionException(HttpExceptionCode.InvalidCursor, 'The cursor does not belong to this listing.', [
      { field: 'cursor', reason: 'not a cursor of this listing' },
    ]);
  }
  return [createdUs, id];
}
