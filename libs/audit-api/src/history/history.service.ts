import { Inject, Injectable } from '@nestjs/common';
import { toPage, type Page } from '#rollcall/http';
import { toHistoryEntryView, type HistoryEntryView } from './history-entry.view.js';
import { historyCursorKey, historyKeyOf } from './history-key.js';
import type { HistoryQuery } from './history.query.js';
import { HistoryRepository } from './history.repository.js';

/** The history, filtered and paged for auditors. */
@Injectable()
export class HistoryService {
  constructor(@Inject(HistoryRepository) private readonly history: HistoryRepository) {}

  async list(query: HistoryQuery): Promise<Page<HistoryEntryView>> {
    const { limit, cursor, order, ...filter } = query;
    const rows = await this.history.page(filter, order, historyKeyOf(cursor, order), limit + 1);
    const keyOf = (row: (typeof rows)[number]) =>
      historyCursorKey({ order, occurredUs: row.occurred_us, eventId: row.event_id, chain: row.chain, seq: row.seq });
    return toPage(rows, limit, keyOf, toHistoryEntryView);
  }
}
