import { Inject, Injectable } from '@nestjs/common';
import type { ChainHead, ChainVerification } from '#rollcall/domain';
import { PG_POOL } from '#rollcall/postgres';
import { verifyStoredChain } from '#rollcall/projector';
import type pg from 'pg';
import type { VerifyQuery } from './verify.query.js';

export interface RecordedChain {
  readonly chain: string;
  readonly head: ChainHead;
}

/** The recorded chain heads and the projector's own verification of a stored chain. */
@Injectable()
export class VerifyRepository {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  /** Chains with a recorded head, narrowed to one chain or to chains with entries in [from, to). */
  async chains(query: VerifyQuery): Promise<RecordedChain[]> {
    const values: unknown[] = [];
    const bind = (value: unknown): string => `$${values.push(value)}`;
    const where: string[] = [];
    if (query.chain !== undefined) where.push(`heads.chain = ${bind(query.chain)}`);
    const inRange: string[] = ['history.chain = heads.chain'];
    if (query.from !== undefined) inRange.push(`history.occurred_at >= ${bind(query.from)}`);
    if (query.to !== undefined) inRange.push(`history.occurred_at < ${bind(query.to)}`);
    if (inRange.length > 1) where.push(`exists (select 1 from history where ${inRange.join(' and ')})`);
    const { rows } = await this.pool.query<{ chain: string; last_seq: string; last_hash: string }>(
      'select heads.chain, heads.last_seq, heads.last_hash from history_chain_heads heads' +
        (where.length === 0 ? '' : ` where ${where.join(' and ')}`) +
        ' order by heads.chain',
      values,
    );
    return rows.map((row) => ({ chain: row.chain, head: { seq: Number(row.last_seq), hash: row.last_hash } }));
  }

  verify(chain: string): Promise<ChainVerification> {
    return verifyStoredChain(this.pool, chain);
  }
}
