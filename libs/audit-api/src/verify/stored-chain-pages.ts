import type { HistoryEntry } from '#rollcall/domain';
import { HISTORY_COLUMNS, historyEntryOf, type HistoryRow } from '#rollcall/projector';
import type pg from 'pg';

interface PagedHistoryRow extends HistoryRow {
  readonly recorded_us: string;
}

// Keyset on the history's primary key (chain, seq, recorded_at): every row comes once, even where a forged
// row repeats a seq across a page boundary, and each page is an index range scan.
const PAGE_SQL =
  `select ${HISTORY_COLUMNS}, (extract(epoch from recorded_at) * 1000000)::bigint::text as recorded_us ` +
  'from history where chain = $1 ' +
  `and (seq, recorded_at) > ($2::bigint, timestamptz 'epoch' + $3::bigint * interval '1 microsecond') ` +
  'order by seq, recorded_at limit $4';

/** A stored chain in seq order, `pageRows` rows at a time; reading stops when the consumer stops. */
export async function* storedChainPages(
  client: pg.ClientBase,
  chain: string,
  pageRows: number,
): AsyncGenerator<HistoryEntry[]> {
  let after = { seq: '0', recordedUs: '0' };
  for (;;) {
    const { rows } = await client.query<PagedHistoryRow>(PAGE_SQL, [chain, after.seq, after.recordedUs, pageRows]);
    if (rows.length > 0) yield rows.map(historyEntryOf);
    if (rows.length < pageRows) return;
    const last = rows[rows.length - 1];
    after = { seq: last.seq, recordedUs: last.recorded_us };
  }
}
