/**
 * OpenAI back end: any server speaking the chat-completions wire format (OpenAI, Azure OpenAI's v1 API,
 * vLLM, llama.cpp, Ollama...). Strict json_schema structured output, few-shot examples from the corpus,
 * and the answer validated with zod before anyone sees it. No retries and a hard timeout: the composite
 * recognizer prefers a fast local answer to a slow remote one.
 */
import { loadOpenAiSdk, type OpenAiModule } from './sdk';
import type { Recognizer, RecognitionResult } from '../types';
import { RemoteRecognizerError } from '../remoteError';
import { buildMessages, type FewShotExample } from './prompt';
import { answerJsonSchema, toRecognitionResult } from './wireSchema';

export interface OpenAiConfig {
  baseURL: string;
  apiKey: string;
  model: string;
  /** Per-request ceiling in ms. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5000;

function toRemoteError(error: unknown, signal: AbortSignal, sdk: OpenAiModule): RemoteRecognizerError {
  if (error instanceof RemoteRecognizerError) return error;
  const { APIConnectionTimeoutError, APIError, APIUserAbortError } = sdk;
  // Our own signal is the reliable witness: the SDK's abort detection depends on the runtime's error classes.
  if (signal.aborted || error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError) {
    return new RemoteRecognizerError('openai', 'timeout', 'request timed out or was aborted', { cause: error });
  }
  if (error instanceof APIError && error.status !== undefined) {
    return new RemoteRecognizerError('openai', 'http', `HTTP ${error.status}`, { cause: error, status: error.status });
  }
  return new RemoteRecognizerError('openai', 'network', error instanceof Error ? error.message : 'request failed', { cause: error });
}

function parseAnswer(content: string | null | undefined): RecognitionResult {
  if (!content) throw new RemoteRecognizerError('openai', 'invalid_output', 'empty answer');
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    throw new RemoteRecognizerError('openai', 'invalid_output', 'answer is not JSON', { cause: error });
  }
  try {
    return toRecognitionResult(json);
  } catch (error) {
    throw new RemoteRecognizerError('openai', 'invalid_output', 'answer does not match the schema', { cause: error });
  }
}

export function createOpenAiRecognizer(config: OpenAiConfig, examples: readonly FewShotExample[] = []): Recognizer {
  if (!config.baseURL || !config.model) throw new Error('OpenAI needs a base URL and a model (OPENAI_BASE_URL, OPENAI_MODEL)');
  const timeout = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const sdk = loadOpenAiSdk();
  const client = new sdk.OpenAI({ baseURL: config.baseURL, apiKey: config.apiKey, maxRetries: 0, timeout });
  const responseFormat = {
    type: 'json_schema' as const,
    json_schema: { name: 'recognition_result', strict: true, schema: answerJsonSchema() },
  };

  return {
    async recognize(utterance: string, callerSignal?: AbortSignal): Promise<RecognitionResult> {
      const ceiling = AbortSignal.timeout(timeout);
      const signal = callerSignal ? AbortSignal.any([callerSignal, ceiling]) : ceiling;
      try {
        const completion = await client.chat.completions.create(
          // No temperature: reasoning models reject it, and the strict schema already constrains the answer.
          { model: config.model, messages: buildMessages(utterance, examples), response_format: responseFormat },
          { signal, timeout },
        );
        const choice = completion.choices[0];
        if (!choice) throw new RemoteRecognizerError('openai', 'invalid_output', 'no choices in the answer');
        if (choice.message.refusal) throw new RemoteRecognizerError('openai', 'refusal', 'the model refused');
        if (choice.finish_reason === 'length') throw new RemoteRecognizerError('openai', 'invalid_output', 'answer was cut off');
        return parseAnswer(choice.message.content);
      } catch (error) {
        throw toRemoteError(error, signal, sdk);
      }
    },
  };
}
