/**
 * Routes each utterance to the configured remote back end (LUIS or OpenAI) under a timeout, and falls back
 * to the local recognizer on any error, timeout, invalid output or low score. Only the utterance crosses
 * the wire (the Recognizer interface has no room for profile data). Remote answers are re-validated here,
 * and entities the remote did not find are filled from the local rules. Logs which back end answered and
 * how long it took, never the utterance (it may hold an email address).
 */
import { RemoteRecognizerError, type RemoteFailure } from './remoteError';
import type { LocalRecognizer } from './local/recognizer';
import { RecognitionResultSchema, type Entities, type Recognizer, type RecognitionResult } from './types';

export type RecognizerLog = (msg: string, fields?: Record<string, unknown>) => void;

export interface CompositeOptions {
  remote: Recognizer;
  remoteName: 'luis' | 'openai';
  local: LocalRecognizer;
  timeoutMs: number;
  /** Remote answers scoring below this are not trusted. */
  minScore: number;
  log: RecognizerLog;
}

type FallbackReason = RemoteFailure | 'low_score' | 'error';

class RemoteTimeout extends Error {}

/** Rejects when the signal aborts, even if the remote ignores its signal. */
function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = (): void => reject(new RemoteTimeout('remote back end timed out'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

/** Remote values win; local rules fill whatever the remote left empty. */
function mergeEntities(remote: Entities, local: Entities): Entities {
  const merged: Entities = { ...local };
  for (const [key, value] of Object.entries(remote)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    Object.assign(merged, { [key]: value });
  }
  return merged;
}

function reasonOf(error: unknown): FallbackReason {
  if (error instanceof RemoteTimeout) return 'timeout';
  if (error instanceof RemoteRecognizerError) return error.failure;
  return 'error';
}

export function createCompositeRecognizer(options: CompositeOptions): Recognizer {
  const { remote, remoteName, local, timeoutMs, minScore, log } = options;

  async function askRemote(utterance: string, callerSignal?: AbortSignal): Promise<RecognitionResult> {
    const ceiling = AbortSignal.timeout(timeoutMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, ceiling]) : ceiling;
    const answer = await Promise.race([remote.recognize(utterance, signal), whenAborted(signal)]);
    const checked = RecognitionResultSchema.safeParse(answer);
    if (!checked.success) throw new RemoteRecognizerError(remoteName, 'invalid_output', 'answer failed validation');
    return checked.data;
  }

  return {
    async recognize(utterance: string, signal?: AbortSignal): Promise<RecognitionResult> {
      const startedAt = performance.now();
      const elapsed = (): number => Math.round(performance.now() - startedAt);
      let reason: FallbackReason;
      try {
        const answer = await askRemote(utterance, signal);
        if (answer.score >= minScore) {
          log('recognizer answered', { backend: remoteName, ms: elapsed(), intent: answer.intent, score: answer.score });
          return { ...answer, entities: mergeEntities(answer.entities, local.entitiesFor(utterance, answer.intent)) };
        }
        reason = 'low_score';
      } catch (error) {
        reason = reasonOf(error);
      }
      const remoteMs = elapsed();
      const result = await local.recognize(utterance);
      log('recognizer answered', { backend: 'local', ms: elapsed(), remoteMs, fallbackFrom: remoteName, reason, intent: result.intent, score: result.score });
      return result;
    },
  };
}
