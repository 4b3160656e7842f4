/**
 * The one logging port every layer receives (services, review, data, bot), and the process's implementation:
 * pino, one JSON line per entry. Secrets are removed by field name down to five levels (pino's `redact`), circular
 * objects are logged instead of throwing, and an error keeps its cause chain.
 */
import pino from 'pino';

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** What route wrappers need: somewhere to put a refused or failed request. */
export type ErrorLogger = Pick<Logger, 'warn' | 'error'>;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Field names whose values never reach a log, matched exactly (so "keywords" or "monkey" stay). */
const SECRET_FIELDS = ['password', 'secret', 'token', 'authorization', 'Authorization', 'cookie', 'Cookie', 'apiKey', 'identitySecret', 'email'] as const;

/**
 * pino's redact has no "any depth" wildcard: each name is listed at the top level and under up to MAX_DEPTH
 * objects (or arrays). Each level costs time on every line, and the app's fields nest at most three deep.
 */
const MAX_DEPTH = 4;

function redactPaths(names: readonly string[] = SECRET_FIELDS, depth = MAX_DEPTH): string[] {
  return Array.from({ length: depth + 1 }, (_, level) => names.map((name) => `${'*.'.repeat(level)}${name}`)).flat();
}

/** Error-valued fields are serialised with name, message, stack and their `cause` chain. */
const errorSerializer = pino.stdSerializers.errWithCause;
const ERROR_FIELDS = ['error', 'err', 'cause', 'reason'] as const;

export function createLogger(minLevel: LogLevel, write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Logger {
  const destination = { write: (line: string) => write(line.endsWith('\n') ? line.slice(0, -1) : line) };
  const base = pino({
    level: minLevel,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: redactPaths(), censor: '[redacted]' },
    serializers: Object.fromEntries(ERROR_FIELDS.map((field) => [field, errorSerializer])),
  }, destination);
  const log = (level: LogLevel) => (msg: string, fields?: LogFields) => base[level](fields ?? {}, msg);
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
