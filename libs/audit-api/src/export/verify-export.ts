import { hashEntry } from '#rollcall/domain';
import { ChainSlices, type ChainSlice } from './chain-slices.js';
import { exportedEntrySchema, trailerSchema } from './exported-line.schema.js';

export type ExportBreak =
  /** The line is not JSON or not an exported row. */
  | 'unreadable'
  /** The last line is not the `chain-heads` trailer. */
  | 'no-trailer'
  /** The row's content no longer matches its hash. */
  | 'changed'
  /** Rows of a chain are not in increasing seq order. */
  | 'reordered'
  /** Consecutive rows whose prevHash does not point at the previous row's hash. */
  | 'broken-link'
  /** Rows are gone from the slice: a seq jump or a row count the trailer does not declare. */
  | 'missing'
  /** The slice ends before the last row the trailer names. */
  | 'truncated'
  /** The trailer names other chains or other first links than the rows show. */
  | 'trailer-mismatch';

export type ExportVerification =
  | { readonly ok: true; readonly rows: number; readonly chains: readonly ChainSlice[] }
  | {
      readonly ok: false;
      readonly line: number;
      readonly reason: ExportBreak;
      readonly chain?: string;
      readonly seq?: number;
    };

/**
 * Verifies an NDJSON export of `/v1/history/export` on its own: recomputes every row's hash,
 * follows prevHash between consecutive rows of a chain and checks the slices against the
 * trailer. Compare the trailer's `last` links with `/v1/history/verify` (or a head kept
 * elsewhere) to catch a rewritten export; the file alone cannot prove that.
 */
export function verifyExport(lines: readonly string[]): ExportVerification {
  const numbered = lines.map((text, index) => ({ text, line: index + 1 })).filter(({ text }) => text.trim() !== '');
  const trailerLine = numbered.at(-1);
  const trailer = trailerSchema.safeParse(trailerLine === undefined ? undefined : parseJson(trailerLine.text));
  if (trailerLine === undefined || !trailer.success) {
    return { ok: false, line: trailerLine?.line ?? 0, reason: 'no-trailer' };
  }
  const declared = new Map(trailer.data.chains.map((slice) => [slice.chain, slice]));
  const seen = new ChainSlices();
  for (const { text, line } of numbered.slice(0, -1)) {
    const parsed = exportedEntrySchema.safeParse(parseJson(text));
    if (!parsed.success) return { ok: false, line, reason: 'unreadable' };
    const row = parsed.data;
    const fail = (reason: ExportBreak): ExportVerification => ({
      ok: false,
      line,
      reason,
      chain: row.chain,
      seq: row.seq,
    });
    const previous = seen.lastOf(row.chain);
    if (seen.wasLeft(row.chain)) return fail('reordered');
    if (previous !== undefined && row.seq <= previous.last.seq) return fail('reordered');
    if (hashEntry(row.prevHash, { ...row, eventId: row.id }) !== row.hash) {
      return fail('changed');
    }
    if (previous !== undefined && row.seq === previous.last.seq + 1 && row.prevHash !== previous.last.hash) {
      return fail('broken-link');
    }
    if (
      previous !== undefined &&
      row.seq > previous.last.seq + 1 &&
      previous.gaps >= (declared.get(row.chain)?.gaps ?? 0)
    ) {
      return fail('missing');
    }
    seen.add(row);
  }
  return compareWithTrailer(seen.slices(), declared, trailerLine.line);
}

function compareWithTrailer(
  slices: readonly ChainSlice[],
  declared: ReadonlyMap<string, ChainSlice>,
  line: number,
): ExportVerification {
  if (slices.length !== declared.size) return { ok: false, line, reason: 'trailer-mismatch' };
  for (const slice of slices) {
    const expected = declared.get(slice.chain);
    const fail = (reason: ExportBreak, seq = expected?.last.seq): ExportVerification => ({
      ok: false,
      line,
      reason,
      chain: slice.chain,
      seq,
    });
    if (expected === undefined) return fail('trailer-mismatch');
    if (slice.first.seq !== expected.first.seq || slice.first.prevHash !== expected.first.prevHash) {
      return fail(slice.first.seq > expected.first.seq ? 'missing' : 'trailer-mismatch', expected.first.seq);
    }
    if (slice.last.seq < expected.last.seq) return fail('truncated');
    if (slice.last.seq !== expected.last.seq || slice.last.hash !== expected.last.hash) return fail('trailer-mismatch');
    if (slice.rows < expected.rows || slice.gaps > expected.gaps) return fail('missing');
    if (slice.rows !== expected.rows || slice.gaps !== expected.gaps) return fail('trailer-mismatch');
  }
  return { ok: true, rows: slices.reduce((total, slice) => total + slice.rows, 0), chains: slices };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
