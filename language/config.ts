/**
 * Recognizer settings from the environment: LUIS_APP_ID / LUIS_ENDPOINT / LUIS_KEY, OPENAI_BASE_URL /
 * OPENAI_API_KEY / OPENAI_MODEL, NLU_TIMEOUT_MS, NLU_MIN_SCORE. A back end is on only when all of its
 * variables are set; a half-configured one is an error, so a typo does not silently mean "local only".
 */
import { z } from 'zod';

export interface RecognizerConfig {
  luis?: { appId: string; endpoint: string; key: string };
  openai?: { baseURL: string; apiKey: string; model: string };
  /** Remote back ends must answer within this many ms, else local answers. */
  timeoutMs: number;
  /** Remote answers scoring below this fall back to local. */
  minScore: number;
}

const DEFAULT_TIMEOUT_MS = 1500;
const DEFAULT_MIN_SCORE = 0.5;

const EnvSchema = z.object({
  LUIS_APP_ID: z.string().optional(),
  LUIS_ENDPOINT: z.url().optional(),
  LUIS_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_MODEL: z.string().optional(),
  NLU_TIMEOUT_MS: z.coerce.number().int().positive().default(DEFAULT_TIMEOUT_MS),
  NLU_MIN_SCORE: z.coerce.number().min(0).max(1).default(DEFAULT_MIN_SCORE),
});

function allOrNone(names: string[], env: Record<string, string | undefined>): boolean {
  const set = names.filter((n) => env[n]);
  if (set.length > 0 && set.length < names.length) {
    throw new Error(`Set all of ${names.join(', ')} or none (missing: ${names.filter((n) => !env[n]).join(', ')})`);
  }
  return set.length === names.length;
}

export function recognizerConfigFromEnv(env: Record<string, string | undefined>): RecognizerConfig {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = EnvSchema.safeParse(blanksRemoved);
  if (!parsed.success) throw new Error(`Invalid recognizer settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const e = parsed.data;
  const config: RecognizerConfig = { timeoutMs: e.NLU_TIMEOUT_MS, minScore: e.NLU_MIN_SCORE };
  if (allOrNone(['LUIS_APP_ID', 'LUIS_ENDPOINT', 'LUIS_KEY'], blanksRemoved) && e.LUIS_APP_ID && e.LUIS_ENDPOINT && e.LUIS_KEY) {
    config.luis = { appId: e.LUIS_APP_ID, endpoint: e.LUIS_ENDPOINT, key: e.LUIS_KEY };
  }
  // Local OpenAI-compatible servers often need no key: only the base URL and model are required.
  if (allOrNone(['OPENAI_BASE_URL', 'OPENAI_MODEL'], blanksRemoved) && e.OPENAI_BASE_URL && e.OPENAI_MODEL) {
    config.openai = { baseURL: e.OPENAI_BASE_URL, apiKey: e.OPENAI_API_KEY ?? 'not-needed', model: e.OPENAI_MODEL };
  }
  return config;
}
