import { stringify } from 'csv-stringify';
import { pipeline, Readable } from 'node:stream';
import type { HistoryEntryView } from '../history/history-entry.view.js';

/** Column order of the CSV export; `actor` and `data` hold JSON, an empty cell is null. */
export const CSV_COLUMNS = [
  'chain',
  'seq',
  'prevHash',
  'hash',
  'id',
  'type',
  'schemaVersion',
  'occurredAt',
  'observedAt',
  'recordedAt',
  'actor',
  'node',
  'namespace',
  'daemonset',
  'rolloutId',
  'correlationId',
  'causationId',
  'data',
] as const satisfies readonly (keyof HistoryEntryView)[];

const JSON_COLUMNS: ReadonlySet<string> = new Set(['actor', 'data']);

export function csvRecord(entry: HistoryEntryView): string[] {
  return CSV_COLUMNS.map((column) => {
    const value = entry[column];
    if (JSON_COLUMNS.has(column)) return value === null ? '' : JSON.stringify(value);
    return value === null ? '' : String(value);
  });
}

/** A header row, then one RFC 4180 record per entry (CRLF line ends, quotes doubled by csv-stringify). */
export function csvStream(entries: AsyncIterable<HistoryEntryView>): Readable {
  async function* records(): AsyncGenerator<string[]> {
    for await (const entry of entries) yield csvRecord(entry);
  }
  const stringifier = stringify({ header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows' });
  return pipeline(Readable.from(records()), stringifier, () => {});
}
