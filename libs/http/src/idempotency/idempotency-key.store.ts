import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '#rollcall/postgres';
import type pg from 'pg';

export interface IdempotencyClaim {
  readonly actor: string;
  readonly key: string;
  readonly route: string;
  readonly requestHash: Buffer;
}

/** A claim this request holds: `claimedAt` (PostgreSQL's text, to the microsecond) tells it apart from a later claim. */
export interface HeldClaim extends IdempotencyClaim {
  readonly claimedAt: string;
}

export type ClaimOutcome =
  | { readonly kind: 'claimed'; readonly held: HeldClaim }
  | { readonly kind: 'replay'; readonly status: number; readonly sealed: Buffer }
  | { readonly kind: 'different-request' }
  | { readonly kind: 'in-progress' };

/** Keys older than this are forgotten, so a client may reuse one after a day. */
const RETENTION = '24 hours';
/**
 * An unanswered claim this old was left by a process that stopped mid-request (no handler runs this
 * long), so a retry takes the key over instead of hearing "in progress" for a day.
 */
const ABANDONED_AFTER = '2 minutes';

/** The `idempotency_keys` table: claims a key for a request, then keeps its response for replays. */
@Injectable()
export class IdempotencyKeyStore {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async claim(claim: IdempotencyClaim): Promise<ClaimOutcome> {
    await this.pool.query(
      `delete from idempotency_keys where actor = $1 and key = $2
          and (created_at < now() - interval '${RETENTION}'
               or (response_status is null and created_at < now() - interval '${ABANDONED_AFTER}'))`,
      [claim.actor, claim.key],
    );
    const inserted = await this.pool.query<{ created_at: string }>(
      `insert into idempotency_keys (actor, key, route, request_hash) values ($1, $2, $3, $4)
       on conflict do nothing returning created_at::text`,
      [claim.actor, claim.key, claim.route, claim.requestHash],
    );
    if (inserted.rowCount === 1) return { kind: 'claimed', held: { ...claim, claimedAt: inserted.rows[0].created_at } };
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

  /** Stores the response, unless a retry took the key over meanwhile (its own answer is kept then). */
  async complete(held: HeldClaim, status: number, sealed: Buffer): Promise<void> {
    await this.pool.query(
      `update idempotency_keys set response_status = $4, response_sealed = $5
        where actor = $1 and key = $2 and created_at = $3::timestamptz`,
      [held.actor, held.key, held.claimedAt, status, sealed],
    );
  }

  /** A failed request frees its key, so that the client can retry it. */
  async release(held: HeldClaim): Promise<void> {
    await this.pool.query(
      'delete from idempotency_keys where actor = $1 and key = $2 and created_at = $3::timestamptz and response_status is null',
      [held.actor, held.key, held.claimedAt],
    );
  }
}
