import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import { toHistoryEntryView, type HistoryEntryView } from '../history/history-entry.view.js';
import { csvStream } from './csv-export.js';
import { ndjsonLines } from './ndjson-export.js';
import type { ExportFormat, ExportQuery } from './export.query.js';
import { ExportRepository } from './export.repository.js';

const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  ndjson: 'application/x-ndjson',
  csv: 'text/csv; charset=utf-8; header=present',
};

/** 2025-01-01T00:00:00.000Z as 20250101T000000Z: only token characters, safe in a file name. */
const compactTime = (time: Date): string => time.toISOString().replace(/[-:]/g, '').replace('.000Z', 'Z');

export const exportFileName = (query: ExportQuery): string =>
  `rollcall-history-${compactTime(query.from)}-${compactTime(query.to)}.${query.format}`;

/** Streams a time range of the history as a file, never holding more than a page of it. */
@Injectable()
export class ExportService {
  constructor(@Inject(ExportRepository) private readonly history: ExportRepository) {}

  export(query: ExportQuery): StreamableFile {
    const { format, ...filter } = query;
    const entries = this.entries(filter);
    const stream =
      format === 'csv' ? csvStream(entries) : Readable.from(ndjsonLines(entries, filter), { objectMode: false });
    return new StreamableFile(stream, {
      type: CONTENT_TYPES[format],
      disposition: `attachment; filename=${exportFileName(query)}`,
    });
  }

  private async *entries(filter: Omit<ExportQuery, 'format'>): AsyncGenerator<HistoryEntryView> {
    for await (const row of this.history.rows(filter)) yield toHistoryEntryView(row);
  }
}
