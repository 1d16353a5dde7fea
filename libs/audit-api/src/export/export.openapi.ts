import type { SchemaObject } from '@nestjs/swagger';
import { TIMESTAMP } from '../query/openapi-schemas.js';
import { CSV_COLUMNS } from './csv-export.js';
import { MAX_EXPORT_DAYS } from './export.query.js';

export const EXPORT_DESCRIPTION = [
  `Streams the entries that occurred in [from, to) (at most ${MAX_EXPORT_DAYS} days) in chain order (chain, seq),`,
  'each with every hashed field and its links, so `hash = sha256(prevHash || canonical JSON (RFC 8785) of the entry',
  'without prevHash and hash, `id` named `eventId`)` can be recomputed.',
  'NDJSON: one entry per line, then a last line `{"kind":"chain-heads", ...}` giving per chain the first seq and',
  'its prevHash, the last seq and its hash, the row count and the seq gaps (rows outside the range or filters);',
  '`verifyExport` of the audit API checks such a file.',
  `CSV: a header row (${CSV_COLUMNS.join(', ')}), RFC 4180 quoting, \`actor\` and \`data\` as JSON, an empty cell`,
  'for null. To verify it, parse each record back into an entry (seq and schemaVersion as numbers), recompute',
  'each hash, check that consecutive seqs of a chain link through prevHash, and compare the last row of each chain',
  'with the head `/v1/history/verify` reports.',
].join(' ');

export const EXPORT_QUERY_PARAMS = [
  { name: 'from', required: true, description: 'occurredAt at or after (RFC 3339)', schema: TIMESTAMP },
  {
    name: 'to',
    required: true,
    description: `occurredAt strictly before (RFC 3339), at most ${MAX_EXPORT_DAYS} days after from`,
    schema: TIMESTAMP,
  },
  { name: 'format', required: false, schema: { type: 'string', enum: ['ndjson', 'csv'], default: 'ndjson' } },
  { name: 'node', required: false, description: 'Entries about this node', schema: { type: 'string' } },
  { name: 'namespace', required: false, description: 'Entries in this namespace', schema: { type: 'string' } },
  { name: 'daemonset', required: false, description: 'Entries about this DaemonSet', schema: { type: 'string' } },
  { name: 'type', required: false, description: 'Comma list of event types', schema: { type: 'string' } },
];

const FILE: SchemaObject = { type: 'string', format: 'binary' };

export const EXPORT_CONTENT = { 'application/x-ndjson': { schema: FILE }, 'text/csv': { schema: FILE } };
