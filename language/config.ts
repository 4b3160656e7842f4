/** What the language layer needs to know about its back ends (read from the validated app config by bot/config.ts). */
export interface RecognizerConfig {
  luis?: { appId: string; endpoint: string; key: string };
  openai?: { baseURL: string; apiKey: string; model: string };
  /** Remote back ends must answer within this many ms, else local answers. */
  timeoutMs: number;
  /** Remote answers scoring below this fall back to local. */
  minScore: number;
}
