import { Inject, Injectable, Optional } from '@nestjs/common';
import { EMPTY_CHAIN_HEAD, verifyChainPages, type ChainHead, type ChainVerification } from '#rollcall/domain';
import { inTransaction, PG_POOL } from '#rollcall/postgres';
import type pg from 'pg';
import { storedChainPages } from './stored-chain-pages.js';
import { DEFAULT_VERIFY_PAGE_ROWS, VERIFY_PAGE_ROWS } from './verify-page-rows.js';
import type { VerifyQuery } from './verify.query.js';

export interface VerifiedChain {
  /** The head recorded for the chain in the snapshot its rows were read from. */
  readonly head: ChainHead;
  readonly verification: ChainVerification;
}

/** The recorded chains and their verification, page by page, against their recorded heads. */
@Injectable()
export class VerifyRepository {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Optional() @Inject(VERIFY_PAGE_ROWS) private readonly pageRows: number = DEFAULT_VERIFY_PAGE_ROWS,
  ) {}

  /** Chains with a recorded head, narrowed to one chain or to chains with entries in [from, to). */
  async chains(query: VerifyQuery): Promise<string[]> {
    const values: unknown[] = [];
    const bind = (value: unknown): string => `$${values.push(value)}`;
    const where: string[] = [];
    if (query.chain !== undefined) where.push(`heads.chain = ${bind(query.chain)}`);
    const inRange: string[] = ['history.chain = heads.chain'];
    if (query.from !== undefined) inRange.push(`history.occurred_at >= ${bind(query.from)}`);
    if (query.to !== undefined) inRange.push(`history.occurred_at < ${bind(query.to)}`);
    if (inRange.length > 1) where.push(`exists (select 1 from history where ${inRange.join(' and ')})`);
    const { rows } = await this.pool.query<{ chain: string }>(
      'select heads.chain from history_chain_heads heads' +
        (where.length === 0 ? '' : ` where ${where.join(' and ')}`) +
        ' order by heads.chain',
      values,
    );
    return rows.map((row) => row.chain);
  }

  /** Head and rows from one snapshot, so rows the projector appends meanwhile are not taken for forged ones. */
  verify(chain: string): Promise<VerifiedChain> {
    return inTransaction(this.pool, async (client) => {
      await client.query('set transaction isolation level repeatable read, read only');
      const recorded = await client.query<{ last_seq: string; last_hash: string }>(
        'select last_seq, last_hash from history_chain_heads where chain = $1',
        [chain],
      );
      const [row] = recorded.rows;
      const head = row === undefined ? EMPTY_CHAIN_HEAD : { seq: Number(row.last_seq), hash: row.last_hash };
      const pages = storedChainPages(client, chain, this.pageRows);
      return { head, verification: await verifyChainPages(pages, { expectedHead: head }) };
    });
  }
}
