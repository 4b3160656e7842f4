/**
 * Every setting comes from the environment (and an optional .env file) and is validated here at startup.
 * A wrong value stops startup with a message naming the setting and what it expects.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import type { RecognizerConfig } from '../language/config';
import { DEFAULT_NUMBER_LIMITS, MAX_CONFIGURABLE_LIMIT, type NumberLimits } from '../domain/limits';
import { parseStaffHours } from '../review/staffHours';
import { parseQuietHours } from '../services/campaigns/campaignInput';
import { checkTimeZone } from '../services/campaigns/pacing';

const optionalText = z.string().trim().min(1).optional();
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  /** Where shoppers' browsers and channels reach the bot (https://bot.example): card images it draws link there. */
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  HOST: z.string().default('0.0.0.0'),
  STORE_PATH: z.string().min(1).default('var/store.json'),
  CONSOLE_STORE_PATH: optionalText,
  /** Fitted models kept across restarts (bot/modelCache.ts): a folder, or `off`; unset = beside STORE_PATH (lowdb only). */
  MODEL_CACHE_DIR: optionalText,
  /** Bot Framework authentication; all unset means anonymous local mode. */
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppTenantId: optionalText,
  /** Outside demo mode, running without Bot Framework credentials must be asked for explicitly. */
  ALLOW_ANONYMOUS: flag.default(false),
  /** Anonymous mode: service URLs (besides loopback) that replies may be posted to, comma-separated. */
  ANONYMOUS_SERVICE_URLS: z.string().default('').transform((v) => v.split(',').map((u) => u.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/, error: 'each entry must be an http(s) URL such as https://directline.example.com' }))),
  /** HMAC-SHA256 secret for identities signed by the host page (32+ characters). */
  IDENTITY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Bearer key the shop sends to POST /api/orders (32+ characters); unset turns order intake off. */
  ORDERS_API_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  IDENTITY_MAX_TTL_SECONDS: z.coerce.number().int().positive().default(3600),
  /** When set, signed identities must carry this JWT audience (`aud`). */
  IDENTITY_AUDIENCE: optionalText,
  /** Also accept the first version's non-JWT identity tokens (for shops that have not moved to JWTs yet). */
  IDENTITY_LEGACY_TOKENS: flag.default(false),
  /** An email + second factor sign-in ends after this many minutes without a turn from the shopper. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** Demo mode: the chat page offers "sign in as a demo customer". Never in production. */
  DEMO_MODE: flag.default(true),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(256 * 1024),
  SEGMENT_MAX_AGE_HOURS: z.coerce.number().positive().default(24),
  /** Largest quantity of an order line the shop may send (orders); larger gets 400. */
  MAX_ORDER_QUANTITY: z.coerce.number().int().positive().max(MAX_CONFIGURABLE_LIMIT).default(DEFAULT_NUMBER_LIMITS.maxOrderQuantity),
  /** Largest unit price of an order line or a product (orders, catalogue updates); larger gets 400. */
  MAX_UNIT_PRICE: z.coerce.number().positive().max(MAX_CONFIGURABLE_LIMIT).default(DEFAULT_NUMBER_LIMITS.maxUnitPrice),
  LUIS_APP_ID: optionalText,
  LUIS_ENDPOINT: z.url().optional(),
  LUIS_KEY: optionalText,
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_API_KEY: optionalText,
  OPENAI_MODEL: optionalText,
  RECOGNIZER_TIMEOUT_MS: z.coerce.number().int().positive().default(1500),
  RECOGNIZER_MIN_SCORE: z.coerce.number().min(0).max(1).default(0.5),
  STAFF_ADMIN_EMAIL: z.email().optional(),
  STAFF_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (the staff login throttle needs it). */
  TRUST_PROXY: flag.default(false),
  /** Origins besides the console's own allowed to send console changes, comma-separated (scheme://host[:port]). */
  CONSOLE_ALLOWED_ORIGINS: z.string().default('').transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/, error: 'each entry must be an http(s) origin such as https://console.example.com' }))),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** The Alexa skill's id (amzn1.ask.skill.…): when set, /api/alexa refuses requests for any other skill. */
  ALEXA_SKILL_ID: optionalText,
  /** Accept unsigned /api/alexa requests: local testing only, refused when DEMO_MODE=false. */
  ALEXA_SKIP_VERIFICATION: flag.default(false),
  /** The chat page keeps its conversation (ids and history) across reloads for this many hours of disuse. */
  CHAT_RESUME_HOURS: z.coerce.number().positive().max(24 * 90).default(24),
  /** When staff answer live handoffs, e.g. "Mon-Fri 09:00-17:00, Sat 10:00-14:00"; unset = always. */
  STAFF_HOURS: optionalText,
  /** The IANA time zone of STAFF_HOURS. */
  STAFF_TIMEZONE: z.string().trim().min(1).default('Europe/London'),
  /** Sites allowed to embed the chat widget and call the chat APIs from the browser, comma-separated origins. */
  ALLOWED_ORIGINS: z.string().default('').transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/, error: 'each entry must be an http(s) origin such as https://shop.example' })
      .refine((o) => URL.canParse(o) && new URL(o).origin === o.replace(/\/$/, ''), 'each entry must be an origin only (scheme://host[:port], no path)'))),
  /** The chat widget's theme (web/widget): accent colour, assistant name, avatar picture, greeting line. */
  WIDGET_COLOR: z.string().trim().regex(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/, 'must be a hex colour such as #1f5f8b').default('#1f5f8b'),
  WIDGET_NAME: z.string().trim().min(1).max(60).default('Shopping assistant'),
  WIDGET_AVATAR_URL: z.url({ protocol: /^https?$/ }).optional(),
  WIDGET_GREETING: z.string().trim().max(200).optional(),
  /** postgres://user:password@host:5432/db selects the PostgreSQL store; unset keeps the embedded lowdb store. */
  DATABASE_URL: z.string().trim().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// URL').optional(),
  /** Apply pending migrations at start (turn off when a release step runs `npm run db:migrate`). */
  DATABASE_MIGRATE: flag.default(true),
  /** Connections each instance opens to PostgreSQL at most. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** PostgreSQL: dialog state of a conversation idle this long is pruned in the background. */
  STATE_TTL_DAYS: z.coerce.number().positive().default(30),
  /** PostgreSQL: suggestion events older than this are pruned in the background. */
  SUGGESTION_EVENT_RETENTION_DAYS: z.coerce.number().positive().default(365),
  /** Campaigns: an audience smaller than this is refused (a tiny audience singles people out). */
  CAMPAIGN_MIN_AUDIENCE: z.coerce.number().int().min(1).default(20),
  /** Campaigns: default frequency cap, campaign messages per customer per 7 days (all campaigns together). */
  CAMPAIGN_MAX_PER_WEEK: z.coerce.number().int().min(1).max(50).default(2),
  /** Campaigns: default quiet hours in CAMPAIGN_TIMEZONE ("21:00-09:00"), or "off". */
  CAMPAIGN_QUIET_HOURS: z.string().trim().min(1).default('21:00-09:00'),
  CAMPAIGN_TIMEZONE: z.string().trim().min(1).default('Europe/London'),
  /** Campaigns: seconds between scheduler runs; 0 = this instance never sends (instances on one database take turns). */
  CAMPAIGN_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** Campaigns: customers handled per campaign per scheduler run. */
  CAMPAIGN_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(50),
  /** Orders are attributed to a suggestion seen or opened this many days before (last touch). */
  ATTRIBUTION_WINDOW_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /** Customer lifetime value: the expected remaining years a customer keeps buying (the projection). */
  CLV_EXPECTED_YEARS: z.coerce.number().positive().max(50).default(3),
  /** `npm run simulate`: a turn's channelData.simulatedAt dates its suggestion events and exposures (demo mode only). */
  SIMULATION_CLOCK: flag.default(false),
  /** Both stores: conversations (transcripts) idle this long are pruned in the background. */
  TRANSCRIPT_RETENTION_DAYS: z.coerce.number().positive().default(90),
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates an environment; empty or blank values count as unset so `.env.example` copies work as is. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const config = parsed.data;
  const problems = crossFieldProblems(config);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function crossFieldProblems(c: Config): string[] {
  const problems: string[] = [];
  const luis = [c.LUIS_APP_ID, c.LUIS_ENDPOINT, c.LUIS_KEY].filter(Boolean).length;
  if (luis > 0 && luis < 3) problems.push('LUIS_APP_ID, LUIS_ENDPOINT and LUIS_KEY: set all three or none');
  const openai = [c.OPENAI_BASE_URL, c.OPENAI_API_KEY, c.OPENAI_MODEL].filter(Boolean).length;
  if (openai > 0 && !c.OPENAI_MODEL) problems.push('OPENAI_MODEL: required to use an OpenAI-compatible back end');
  if (c.OPENAI_MODEL && !c.OPENAI_BASE_URL && !c.OPENAI_API_KEY) problems.push('OPENAI_API_KEY: required for OpenAI itself (a local OPENAI_BASE_URL may need none)');
  if (c.MicrosoftAppId && c.MicrosoftAppType !== 'UserAssignedMSI' && !c.MicrosoftAppPassword) {
    problems.push('MicrosoftAppPassword: required when MicrosoftAppId is set (unless MicrosoftAppType is UserAssignedMSI)');
  }
  if (c.MicrosoftAppType === 'SingleTenant' && !c.MicrosoftAppTenantId) problems.push('MicrosoftAppTenantId: required for SingleTenant');
  if (Boolean(c.STAFF_ADMIN_EMAIL) !== Boolean(c.STAFF_ADMIN_PASSWORD)) problems.push('STAFF_ADMIN_EMAIL and STAFF_ADMIN_PASSWORD: set both or neither');
  if (!c.DEMO_MODE && !c.MicrosoftAppId && !c.ALLOW_ANONYMOUS) {
    // Anonymous mode authenticates nobody: fine on a laptop, never by accident in production.
    problems.push('MicrosoftAppId and MicrosoftAppPassword: Bot Framework credentials are required when DEMO_MODE is false (set ALLOW_ANONYMOUS=true to run anonymously, for local use only)');
  }
  if (!c.DEMO_MODE && !c.IDENTITY_SECRET) {
    // Outside demo mode signed identities need a stable secret shared with the host page.
    problems.push('IDENTITY_SECRET: required when DEMO_MODE is false');
  }
  if (c.SIMULATION_CLOCK && !c.DEMO_MODE) problems.push('SIMULATION_CLOCK: only for demos (npm run simulate), not allowed when DEMO_MODE is false');
  if (c.ALEXA_SKIP_VERIFICATION && !c.DEMO_MODE) problems.push('ALEXA_SKIP_VERIFICATION: only for local testing, not allowed when DEMO_MODE is false');
  if (c.STAFF_HOURS) {
    try {
      parseStaffHours(c.STAFF_HOURS, c.STAFF_TIMEZONE);
    } catch (error) {
      problems.push(`STAFF_HOURS / STAFF_TIMEZONE: ${(error as Error).message}`);
    }
  }
  try {
    parseQuietHours(c.CAMPAIGN_QUIET_HOURS);
    checkTimeZone(c.CAMPAIGN_TIMEZONE);
  } catch (error) {
    problems.push(`CAMPAIGN_QUIET_HOURS / CAMPAIGN_TIMEZONE: ${(error as Error).message}`);
  }
  return problems;
}

/** Loads `.env` from the working directory when present; real environment variables win. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

export function authMode(c: Config): 'bot-framework' | 'anonymous' {
  return c.MicrosoftAppId ? 'bot-framework' : 'anonymous';
}

/** The bounds the shop routes (and the importer) apply to quantities and prices. */
export function numberLimits(config: Pick<Config, 'MAX_ORDER_QUANTITY' | 'MAX_UNIT_PRICE'>): NumberLimits {
  return { maxOrderQuantity: config.MAX_ORDER_QUANTITY, maxUnitPrice: config.MAX_UNIT_PRICE };
}

/** The same two settings read alone (the import command needs no other setting); throws ConfigError when wrong. */
export function numberLimitsFromEnv(env: NodeJS.ProcessEnv): NumberLimits {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = ConfigSchema.pick({ MAX_ORDER_QUANTITY: true, MAX_UNIT_PRICE: true }).safeParse(present);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return numberLimits(parsed.data);
}

const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** The language back ends the settings turn on (none: the offline recognizer alone). */
export function recognizerSettings(config: Config): RecognizerConfig {
  const { LUIS_APP_ID: appId, LUIS_ENDPOINT: endpoint, LUIS_KEY: key, OPENAI_MODEL: model } = config;
  return {
    luis: appId && endpoint && key ? { appId, endpoint, key } : undefined,
    // Local OpenAI-compatible servers often need no key.
    openai: model ? { baseURL: config.OPENAI_BASE_URL ?? OPENAI_DEFAULT_BASE_URL, apiKey: config.OPENAI_API_KEY ?? 'not-needed', model } : undefined,
    timeoutMs: config.RECOGNIZER_TIMEOUT_MS,
    minScore: config.RECOGNIZER_MIN_SCORE,
  };
}
