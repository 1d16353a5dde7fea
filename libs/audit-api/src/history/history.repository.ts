import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '#rollcall/postgres';
import type pg from 'pg';
import type { HistoryEntryRow } from './history-entry.view.js';
import type { HistoryKey, HistoryOrder } from './history-key.js';
import { historyPageSql } from './history-sql.js';
import type { HistoryFilter } from './history.query.js';

/** Reads the append-only `history` table; never writes it. */
@Injectable()
export class HistoryRepository {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async page(
    filter: HistoryFilter,
    order: HistoryOrder,
    after: HistoryKey | undefined,
    limit: number,
  ): Promise<HistoryEntryRow[]> {
    const { text, values } = historyPageSql(filter, order, after, limit);
    return (await this.pool.query<HistoryEntryRow>(text, values)).rows;
  }
}
