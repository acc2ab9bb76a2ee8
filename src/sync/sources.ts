// Sources, streamed so memory stays flat: CSV (csv-parse), JSON Lines (readline), JSON arrays
// (@streamparser/json-node, one element at a time) and any (async) iterable of records.
// Each item carries a stable row id (the line number in a file, the index otherwise) so a resumed run
// skips exactly the rows already done; a row that cannot be read becomes an item with an error.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { inspect } from 'node:util';
import { JSONParser } from '@streamparser/json-node';
import { parse as parseCsv, type CsvError } from 'csv-parse';
import { InvalidArgumentError } from 'user-management-sdk';
import type { SourceRecord } from './types.js';

/** One item of a source: a record, or a row that could not be read. */
export type SourceItem =
  | { readonly row: number; readonly record: SourceRecord; readonly error?: undefined }
  | { readonly row: number; readonly record?: undefined; readonly raw: string; readonly error: string };

/** What `syncUsers` accepts as a source: a file path, or records. */
export type SyncSource = string | AsyncIterable<SourceRecord> | Iterable<SourceRecord>;

const FORMATS = { '.csv': 'csv', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.json': 'json' } as const;
type Format = (typeof FORMATS)[keyof typeof FORMATS];

/** The format of a file, from its extension; InvalidArgumentError for anything else. */
export function formatOf(path: string): Format {
  const format = (FORMATS as Record<string, Format | undefined>)[extname(path).toLowerCase()];
  if (!format)
    throw new InvalidArgumentError(`Cannot read ${path}: use a .csv, .jsonl, .ndjson or .json (array) file.`);
  return format;
}

/** Identifies a file source (so a resume only continues the same input), or an iterable. */
export async function describeSource(source: SyncSource): Promise<string> {
  if (typeof source !== 'string') return 'iterable';
  const s = await statOrThrow(source);
  return `${resolve(source)}:${String(s.size)}:${String(Math.trunc(s.mtimeMs))}`;
}

/** Counts the records of a CSV or JSON Lines file by counting lines (a progress estimate), else undefined. */
export async function countRecords(source: SyncSource): Promise<number | undefined> {
  if (typeof source !== 'string') return Array.isArray(source) ? source.length : undefined;
  const format = formatOf(source);
  if (format === 'json') return undefined;
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(source) as AsyncIterable<Buffer>) {
    for (const byte of chunk) if (byte === 0x0a) lines++;
    last = chunk[chunk.length - 1] ?? last;
  }
  if (last !== 0x0a) lines++;
  return format === 'csv' ? Math.max(0, lines - 1) : lines;
}

/** The items of a source, in order. */
export async function* readSource(source: SyncSource): AsyncGenerator<SourceItem, void, undefined> {
  if (typeof source !== 'string') {
    let row = 0;
    for await (const record of source as AsyncIterable<unknown>) yield item(row++, record);
    return;
  }
  await statOrThrow(source);
  const format = formatOf(source);
  if (format === 'csv') yield* readCsv(source);
  else if (format === 'jsonl') yield* readJsonLines(source);
  else yield* readJsonArray(source);
}

function item(row: number, value: unknown): SourceItem {
  return isRecord(value)
    ? { row, record: value }
    : {
        row,
        raw: inspect(value, { depth: 3, breakLength: Infinity }),
        error: 'not a JSON object',
      };
}

function isRecord(value: unknown): value is SourceRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function* readCsv(path: string): AsyncGenerator<SourceItem> {
  // Rows csv-parse cannot read (a wrong column count, a broken quote) are skipped by the parser and
  // reported through on_skip; they come out in file order, between the records around them.
  const skipped: SourceItem[] = [];
  const parser = createReadStream(path).pipe(
    parseCsv({
      columns: true,
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
      skip_records_with_error: true,
      on_skip: (err: CsvError | undefined, raw: string | undefined) => {
        const line = typeof err?.lines === 'number' ? err.lines : 0;
        skipped.push({ row: line, raw: raw ?? '', error: err?.message ?? 'unreadable CSV row' });
      },
    }),
  );
  for await (const entry of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    while (skipped.length > 0 && (skipped[0]?.row ?? 0) < entry.info.lines)
      yield skipped.shift() as SourceItem;
    yield { row: entry.info.lines, record: entry.record };
  }
  yield* skipped;
}

async function* readJsonLines(path: string): AsyncGenerator<SourceItem> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      yield { row: line, raw: text, error: err instanceof Error ? err.message : 'invalid JSON' };
      continue;
    }
    yield item(line, value);
  }
}

async function* readJsonArray(path: string): AsyncGenerator<SourceItem> {
  // paths $.* emits each element of the top-level array once parsed, and keepStack: false drops it
  // from the parser's memory afterwards.
  const parser = createReadStream(path).pipe(new JSONParser({ paths: ['$.*'], keepStack: false }));
  let row = 0;
  for await (const { value } of parser as AsyncIterable<{ value: unknown }>) yield item(row++, value);
}

async function statOrThrow(path: string): Promise<{ size: number; mtimeMs: number }> {
  try {
    return await stat(path);
  } catch {
    throw new InvalidArgumentError(
      `Cannot read the source file ${path}: it does not exist or is not readable.`,
    );
  }
}
