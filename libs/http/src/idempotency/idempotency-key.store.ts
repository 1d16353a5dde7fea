import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '#rollcall/postgres';
import type pg from 'pg';

export interface IdempotencyClaim {
  readonly actor: string;
  readonly key: string;
  readonly route: string;
  readonly requestHash: Buffer;
}

export type ClaimOutcome =
  | { readonly kind: 'claimed' }
  | { readonly kind: 'replay'; readonly status: number; readonly sealed: Buffer }
  | { readonly kind: 'different-request' }
  | { readonly kind: 'in-progress' };

/** Keys older than this are forgotten, so a client may reuse one after a day. */
const RETENTION = '24 hours';

/** The `idempotency_keys` table: claims a key for a request, then keeps its response for replays. */
@Injectable()
export class IdempotencyKeyStore {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async claim(claim: IdempotencyClaim): Promise<ClaimOutcome> {
    await this.pool.query(
      `delete from idempotency_keys where actor = $1 and key = $2 and created_at < now() - interval '${RETENTION}'`,
      [claim.actor, claim.key],
    );
    const inserted = await this.pool.query(
      `insert into idempotency_keys (actor, key, route, request_hash) values ($1, $2, $3, $4) on conflict do nothing`,
      [claim.actor, claim.key, claim.route, claim.requestHash],
    );
    if (inserted.rowCount === 1) return { kind: 'claimed' };
    const found = await this.pool.query<{
      request_hash: Buffer;
      response_status: number | null;
      response_sealed: Buffer | null;
    }>('select request_hash, response_status, response_sealed from idempotency_keys where actor = $1 and key = $2', [
      claim.actor,
      claim.key,
    ]);
    const row = found.rows[0];
    if (row === undefined) return this.claim(claim);
    if (!row.request_hash.equals(claim.requestHash)) return { kind: 'different-request' };
    if (row.response_status === null || row.response_sealed === null) return { kind: 'in-progress' };
    return { kind: 'replay', status: row.response_status, sealed: row.response_sealed };
  }

  async complete(claim: IdempotencyClaim, status: number, sealed: Buffer): Promise<void> {
    await this.pool.query(
      'update idempotency_keys set response_status = $3, response_sealed = $4 where actor = $1 and key = $2',
      [claim.actor, claim.key, status, sealed],
    );
  }

  /** A failed request frees its key, so that the client can retry it. */
  async release(claim: IdempotencyClaim): Promise<void> {
    await this.pool.query('delete from idempotency_keys where actor = $1 and key = $2 and response_status is null', [
      claim.actor,
      claim.key,
    ]);
  }
}
