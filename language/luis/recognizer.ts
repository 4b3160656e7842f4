/**
 * LUIS back end (legacy). Microsoft retired the LUIS service on 2026-03-31; this back end remains for
 * LUIS-compatible prediction endpoints (self-hosted containers, migration shims) and for deployments
 * mid-migration. It uses the v3 prediction API of @azure/cognitiveservices-luis-runtime:
 * POST {endpoint}/luis/prediction/v3.0/apps/{appId}/slots/{slot}/predict.
 * Only the utterance is sent. Failures throw RemoteRecognizerError; the composite falls back to local.
 */
import { loadLuisSdk, type LuisSdk } from './sdk';
import type { Recognizer, RecognitionResult } from '../types';
import { RemoteRecognizerError } from '../remoteError';
import { toAbortSignalLike } from './abortSignalLike';
import { LuisPredictionSchema, mapLuisPrediction } from './mapping';

export interface LuisConfig {
  appId: string;
  /** Protocol and host, e.g. https://my-resource.cognitiveservices.azure.com */
  endpoint: string;
  key: string;
  /** "production" unless set. */
  slot?: string;
  /** Per-request ceiling in ms, on top of any caller's AbortSignal. */
  timeoutMs?: number;
}

const DEFAULT_SLOT = 'production';
const DEFAULT_TIMEOUT_MS = 3000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toRemoteError(error: unknown, signal: AbortSignal, RestError: LuisSdk['msRest']['RestError']): RemoteRecognizerError {
  if (error instanceof RemoteRecognizerError) return error;
  if (signal.aborted) {
    return new RemoteRecognizerError('luis', 'timeout', 'request aborted or timed out', { cause: error });
  }
  if (error instanceof RestError && error.statusCode !== undefined) {
    return new RemoteRecognizerError('luis', 'http', `HTTP ${error.statusCode}`, { cause: error, status: error.statusCode });
  }
  return new RemoteRecognizerError('luis', 'network', error instanceof Error ? error.message : 'request failed', { cause: error });
}

export function createLuisRecognizer(config: LuisConfig): Recognizer {
  if (!config.appId || !config.endpoint || !config.key) throw new Error('LUIS needs appId, endpoint and key (LUIS_APP_ID, LUIS_ENDPOINT, LUIS_KEY)');
  if (!UUID.test(config.appId)) throw new Error('LUIS_APP_ID must be the app GUID, e.g. df67dcdb-c37d-46af-88e1-8b97951ca1c2');
  const { msRest: { ApiKeyCredentials, RestError }, luisRuntime: { LUISRuntimeClient } } = loadLuisSdk();
  const credentials = new ApiKeyCredentials({ inHeader: { 'Ocp-Apim-Subscription-Key': config.key } });
  const client = new LUISRuntimeClient(credentials, config.endpoint.replace(/\/+$/, ''), { noRetryPolicy: true });
  const slot = config.slot ?? DEFAULT_SLOT;

  return {
    async recognize(utterance: string, callerSignal?: AbortSignal): Promise<RecognitionResult> {
      const ceiling = AbortSignal.timeout(config.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      const signal = callerSignal ? AbortSignal.any([callerSignal, ceiling]) : ceiling;
      try {
        const response = await client.prediction.getSlotPrediction(
          config.appId,
          slot,
          { query: utterance },
          { abortSignal: toAbortSignalLike(signal), showAllIntents: false, log: false },
        );
        const prediction = LuisPredictionSchema.safeParse(response.prediction);
        if (!prediction.success) throw new RemoteRecognizerError('luis', 'invalid_output', 'prediction does not match the v3 shape');
        return mapLuisPrediction(prediction.data);
      } catch (error) {
        throw toRemoteError(error, signal, RestError);
      }
    },
  };
}
