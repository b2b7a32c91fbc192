import 'server-only';
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { HttpError } from '@/lib/http/problem';
import { CSV_COLUMNS, taskIndex, type CsvColumn, type ExportedTask } from '@/lib/transfer/schemas';

// The CSV form of an export (RFC 4180: comma, double quotes, CRLF, UTF-8, one header row) and
// its way back into the fields of an import. Quoting and parsing are csv-stringify's and
// csv-parse's; what is ours is the mapping of each column, and formula escaping.

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection":
// the contract's four, and tab and carriage return, which some spreadsheets also honour).
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * A cell a spreadsheet will not run: one that would start a formula gets a leading `'`. Cells
 * that already start with quotes before such a character get one more, so the way back
 * (`unescapeFormula`) is exact: `=1` ↔ `'=1`, `'=1` ↔ `''=1`.
 */
export function escapeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

export const CSV_HEADER = stringify([[...CSV_COLUMNS]], { record_delimiter: '\r\n' });

/** The `labels` cell: names joined with `;`, a `;` or `\` inside a name escaped with `\`. */
export function labelsCell(names: readonly string[]): string {
  return names.map((name) => name.replace(/[\\;]/g, (c) => `\\${c}`)).join(';');
}

/**
 * The names of a `labels` cell, trimmed, empty ones dropped: split at each `;` that is not
 * escaped, `\;` and `\\` read as `;` and `\`. A `\` before anything else is kept as it is, so a
 * file written before names were escaped reads as it did.
 */
export function labelNames(cell: string): string[] {
  const names: string[] = [];
  let name = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i]!;
    const next = cell[i + 1];
    if (c === '\\' && (next === ';' || next === '\\')) {
      name += next;
      i++;
    } else if (c === ';') {
      names.push(name);
      name = '';
    } else name += c;
  }
  names.push(name);
  return names.map((n) => n.trim()).filter(Boolean);
}

/** `week`, `week/2`: a repeat rule in one cell. */
function repeatCell(repeat: ExportedTask['repeat']): string {
  if (!repeat) return '';
  return repeat.interval === 1 ? repeat.every : `${repeat.every}/${repeat.interval}`;
}

/** The spreadsheet row of the file's task `index`: the header is row 1. */
export const rowOfTask = (index: number) => index + 2;

/** A `parent` cell: `row 5`, the row of the parent task. */
function parentCell(parent: ExportedTask['parent']): string {
  return parent === null ? '' : `row ${rowOfTask(taskIndex(parent))}`;
}

/** Rows of the CSV for these tasks (no header), CRLF-terminated. Null is an empty cell. */
export function csvRows(tasks: ExportedTask[]): string {
  const cells: Record<CsvColumn, (task: ExportedTask) => string> = {
    title: (t) => t.title,
    description: (t) => t.description ?? '',
    completed: (t) => String(t.completed),
    due_date: (t) => t.due_date ?? '',
    due_time: (t) => t.due_time ?? '',
    priority: (t) => t.priority,
    labels: (t) => labelsCell(t.labels),
    repeat: (t) => repeatCell(t.repeat),
    created_at: (t) => t.created_at,
    project: (t) => t.project ?? '',
    parent: (t) => parentCell(t.parent),
  };
  const rows = tasks.map((task) => CSV_COLUMNS.map((column) => escapeFormula(cells[column](task))));
  return stringify(rows, { record_delimiter: '\r\n' });
}

/** A row of an imported CSV, its cells by column name, and its number as a spreadsheet shows it (the header is row 1). */
export interface CsvRow {
  row: number;
  cells: Partial<Record<string, string>>;
}

/** A CSV that cannot be read as rows: where, and why, in words (csv-parse's own messages quote the input). */
export interface CsvSyntaxError {
  row: number;
  message: string;
}

const SYNTAX_MESSAGES: Partial<Record<CsvError['code'], string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'has another number of cells than the header',
  CSV_RECORD_INCONSISTENT_COLUMNS: 'has another number of cells than the header',
  CSV_INVALID_CLOSING_QUOTE: 'has a character after the closing quote of a cell',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'has a character after the closing quote of a cell',
};

/** UTF-8 text from bytes as they arrive; invalid UTF-8 is a `400`, as for a JSON body. */
async function* utf8(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
    yield decoder.decode();
  } catch (err) {
    if (err instanceof TypeError) throw new HttpError(400, 'Request body is not valid UTF-8');
    throw err;
  }
}

/**
 * The rows of a CSV, parsed as its bytes arrive. Column names are the header's, trimmed and
 * lower-cased; a byte-order mark is skipped. A syntax error stops the parse; the rest of the body
 * is still read, so a body over the limit answers `413` rather than `422`.
 */
export async function readCsvRows(chunks: AsyncIterable<Uint8Array>): Promise<{ header: string[]; rows: CsvRow[]; syntaxError?: CsvSyntaxError }> {
  let header: string[] = [];
  const parser = parse({
    bom: true,
    columns: (names: string[]) => (header = names.map((name) => name.trim().toLowerCase())),
    skip_empty_lines: true,
  });
  const text = Readable.from(utf8(chunks));
  // `pipe` does not pass on the source's errors (a 413, invalid UTF-8): the parser fails with them.
  text.on('error', (err) => parser.destroy(err)).pipe(parser);
  const rows: CsvRow[] = [];
  try {
    for await (const cells of parser as AsyncIterable<Record<string, string>>) rows.push({ row: rows.length + 2, cells });
    return { header, rows };
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    // `records` counts the rows parsed before it (not the header): the row that failed is the next one.
    const syntaxError = { row: Number(err.records) + 2, message: SYNTAX_MESSAGES[err.code] ?? 'is not valid CSV' };
    // The failed parser let go of the source; reading the rest finds a body over the limit.
    for await (const _ of text);
    return { header, rows, syntaxError };
  }
}
