import { csvCell, toCsv } from '../../review/csv';

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
  ])('quotes and guards %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  test('numbers, booleans and empties are written as they are', () => {
    expect([csvCell(-33.3), csvCell(true), csvCell(null), csvCell(undefined), csvCell(Number.NaN)]).toEqual(['-33.3', 'true', '', '', '']);
  });

  test('rows end with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('a,b\r\n1,x\r\n');
  });
});
