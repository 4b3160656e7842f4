import { toCsv, type CsvCell } from '../../review/csv';

/** The one data cell of a one-column CSV. */
const cell = (value: CsvCell) => toCsv(['h'], [[value]]).slice('h\r\n'.length, -2);

describe('CSV', () => {
  test.each([
    ['plain', 'plain'],
    ['with, comma', '"with, comma"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+2', "'=1+2"],
    ['+44 20', "'+44 20"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['=HYPERLINK("x"),y', '"\'=HYPERLINK(""x""),y"'],
    // Full-width forms, which some spreadsheets normalise to the ASCII ones before evaluating.
    ['＝1+2', "'＝1+2"],
    ['＋44', "'＋44"],
    ['－2', "'－2"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    ['a=b', 'a=b'],
  ])('quotes and guards %j', (input, expected) => {
    expect(cell(input)).toBe(expected);
  });

  test('numbers (even negative ones), booleans and empties are written as they are', () => {
    expect([cell(-33.3), cell(true), cell(false), cell(null), cell(undefined), cell(Number.NaN)]).toEqual(['-33.3', 'true', 'false', '', '', '']);
  });

  test('rows end with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x'], [2, null]])).toBe('a,b\r\n1,x\r\n2,\r\n');
  });
});
