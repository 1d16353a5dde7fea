import type { HistoryEntryView } from '../history/history-entry.view.js';
import { ChainSlices } from './chain-slices.js';
import { chainHeadsTrailer } from './export-trailer.js';
import type { ExportFilter } from './export.query.js';

/** One JSON object per line, the `chain-heads` trailer last. */
export async function* ndjsonLines(
  entries: AsyncIterable<HistoryEntryView>,
  filter: ExportFilter,
): AsyncGenerator<string> {
  const slices = new ChainSlices();
  for await (const entry of entries) {
    slices.add(entry);
    yield `${JSON.stringify(entry)}\n`;
  }
  yield `${JSON.stringify(chainHeadsTrailer(filter, slices.slices()))}\n`;
}
