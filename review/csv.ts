/**
 * RFC 4180 CSV with CRLF line ends, by csv-stringify. Text cells a spreadsheet would run as a formula (starting
 * with = + - @, their full-width forms ＝ ＋ － ＠, a tab or a carriage return) are prefixed with an apostrophe;
 * numbers are written as they are.
 */
import { stringify, type Options } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null | undefined;

const OPTIONS: Options = {
  record_delimiter: '\r\n',
  escape_formulas: true,
  // A bare LF inside a cell is quoted too, not only the record delimiter.
  quoted_match: /[\r\n]/,
  cast: {
    number: (value) => ({ value: Number.isFinite(value) ? String(value) : '', escape_formulas: false }),
    boolean: (value) => (value ? 'true' : 'false'),
  },
};

export function toCsv(headers: string[], rows: CsvCell[][]): string {
  return stringify([headers, ...rows], OPTIONS);
}
