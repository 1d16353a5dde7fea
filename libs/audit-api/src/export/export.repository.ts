import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '#rollcall/postgres';
import type pg from 'pg';
import type { HistoryEntryRow } from '../history/history-entry.view.js';
import { exportPageSql, type ChainPosition } from './export-sql.js';
import type { ExportFilter } from './export.query.js';

const PAGE_SIZE = 1000;

/** Reads the history of an export page by page, in chain order, as the stream asks for more. */
@Injectable()
export class ExportRepository {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async *rows(filter: ExportFilter): AsyncGenerator<HistoryEntryRow> {
    let after: ChainPosition | undefined;
    for (;;) {
      const { text, values } = exportPageSql(filter, after, PAGE_SIZE);
      const { rows } = await this.pool.query<HistoryEntryRow>(text, values);
      yield* rows;
      const last = rows.at(-1);
      if (last === undefined || rows.length < PAGE_SIZE) return;
      after = { chain: last.chain, seq: last.seq };
    }
  }
}
