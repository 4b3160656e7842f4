/** JSON-lines logger for the process. Fields whose names look secret are masked so keys never reach logs. */
import type { Logger } from '../services/logger';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;
const SECRET_FIELD = /(password|secret|key|token|authorization|email)/i;

function clean(fields: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!fields) return {};
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (SECRET_FIELD.test(name)) out[name] = '[redacted]';
    else if (value instanceof Error) out[name] = { name: value.name, message: value.message, stack: value.stack };
    else out[name] = value;
  }
  return out;
}

export function createLogger(minLevel: Level, write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Logger {
  const log = (level: Level) => (msg: string, fields?: Record<string, unknown>) => {
    if (LEVELS[level] < LEVELS[minLevel]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...clean(fields) }));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
