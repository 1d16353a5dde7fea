import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '#rollcall/postgres';
import type pg from 'pg';
import type { ApiRole } from '../roles/api-role.js';
import type { ApiTokenRow } from './api-token.js';

export interface NewToken {
  readonly name: string;
  readonly roles: readonly ApiRole[];
  readonly tokenHash: Buffer;
  readonly createdBy: string;
}

/** A listed row and its sort key: creation time in microseconds, which a JavaScript Date cannot hold. */
export type ListedTokenRow = ApiTokenRow & { readonly created_us: string };

const COLUMNS = 'id, name, roles, created_at, created_by, revoked_at, last_used_at';

/** The `api_tokens` table. */
@Injectable()
export class ApiTokenRepository {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async findActiveByHash(tokenHash: Buffer): Promise<ApiTokenRow | undefined> {
    const found = await this.pool.query<ApiTokenRow>(
      `select ${COLUMNS} from api_tokens where token_hash = $1 and revoked_at is null`,
      [tokenHash],
    );
    return found.rows[0];
  }

  /** Marks use at most once a minute, so that authenticating does not write on every request. */
  async touch(id: string): Promise<void> {
    await this.pool.query(
      `update api_tokens set last_used_at = now()
        where id = $1 and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }

  async insert(token: NewToken, client: pg.PoolClient): Promise<ApiTokenRow> {
    const inserted = await client.query<ApiTokenRow>(
      `insert into api_tokens (name, roles, token_hash, created_by) values ($1, $2, $3, $4) returning ${COLUMNS}`,
      [token.name, token.roles, token.tokenHash, token.createdBy],
    );
    return inserted.rows[0];
  }

  /** Pages by (created_at, id); `after` is the sort key of the last row of the previous page. */
  async list(limit: number, after: readonly [string, string] | undefined): Promise<ListedTokenRow[]> {
    const page = await this.pool.query<ListedTokenRow>(
      `select ${COLUMNS}, (extract(epoch from created_at) * 1000000)::bigint::text as created_us
         from api_tokens
        where $2::bigint is null
           or (created_at, id) > (timestamptz 'epoch' + $2::bigint * interval '1 microsecond', $3::uuid)
        order by created_at, id
        limit $1`,
      [limit, after?.[0] ?? null, after?.[1] ?? null],
    );
    return page.rows;
  }

  /** Locks the active admin tokens, so that two revocations cannot together remove the last one. */
  async lockActiveAdminIds(client: pg.PoolClient): Promise<string[]> {
    const admins = await client.query<{ id: string }>(
      `select id from api_tokens where revoked_at is null and 'admin' = any(roles) order by id for update`,
    );
    return admins.rows.map((row) => row.id);
  }

  async revoke(id: string, client: pg.PoolClient): Promise<ApiTokenRow | undefined> {
    const revoked = await client.query<ApiTokenRow>(
      `update api_tokens set revoked_at = coalesce(revoked_at, now()) where id = $1 returning ${COLUMNS}`,
      [id],
    );
    return revoked.rows[0];
  }

  async existsByHash(tokenHash: Buffer, client: pg.PoolClient): Promise<boolean> {
    const found = await client.query('select 1 from api_tokens where token_hash = $1', [tokenHash]);
    return found.rowCount === 1;
  }
}
