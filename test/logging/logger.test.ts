/** The process logger (pino): secrets by name at any depth, circular objects, error causes. */
import { createLogger } from '../../logging/logger';

function logOnce(fields: Record<string, unknown>): Record<string, unknown> {
  const lines: string[] = [];
  createLogger('debug', (line) => lines.push(line)).info('event', fields);
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]) as Record<string, unknown>;
}

test.each([
  ['password', { password: 'hunter2' }],
  ['nested.password', { nested: { password: 'hunter2' } }],
  ['deep token', { a: { b: { c: { token: 'hunter2' } } } }],
  ['Authorization header', { headers: { Authorization: 'Bearer hunter2', cookie: 'sid=hunter2' } }],
  ['secret in a list', { items: [{ secret: 'hunter2' }] }],
])('%s is redacted', (_name, fields) => {
  const line = JSON.stringify(logOnce(fields));
  expect(line).not.toContain('hunter2');
  expect(line).toContain('[redacted]');
});

test('fields that merely contain a secret word ("keywords", "monkey") are kept', () => {
  expect(logOnce({ keywords: ['lamp'], monkey: 'george', tokenCount: 3 })).toMatchObject({ keywords: ['lamp'], monkey: 'george', tokenCount: 3 });
});

test('a circular object is logged instead of throwing', () => {
  const loop: Record<string, unknown> = { name: 'loop' };
  loop.self = loop;
  expect(logOnce({ loop })).toMatchObject({ msg: 'event', loop: { name: 'loop' } });
});

test('an error keeps its message, stack and cause', () => {
  const error = new Error('turn failed', { cause: new Error('connection reset') });
  const line = logOnce({ error });
  expect(line.error).toMatchObject({ message: 'turn failed', cause: { message: 'connection reset' } });
  expect(String((line.error as { stack: string }).stack)).toContain('turn failed');
});

test('lines below the minimum level are dropped; each line has time, level and msg', () => {
  const lines: string[] = [];
  const log = createLogger('warn', (line) => lines.push(line));
  log.info('quiet');
  log.warn('loud', { id: 1 });
  expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([{ time: expect.any(String), level: 'warn', msg: 'loud', id: 1 }]);
});
