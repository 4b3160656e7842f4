/**
 * The language layer's entry point for the composition root. With no remote configured the local recognizer
 * answers alone; with OpenAI or LUIS configured, the composite routes to it and falls back to local.
 * If both are configured OpenAI is used: LUIS was retired on 2026-03-31 and is kept as a legacy back end.
 */
import { createCompositeRecognizer, type RecognizerLog } from './composite';
import type { RecognizerConfig } from './config';
import { loadCorpus } from './local/corpus';
import { createLocalRecognizer } from './local/recognizer';
import { createLuisRecognizer } from './luis/recognizer';
import { selectFewShotExamples } from './openai/fewShot';
import { createOpenAiRecognizer } from './openai/recognizer';
import type { Recognizer } from './types';

export interface CatalogVocabulary {
  keywords: string[];
}

const FEW_SHOT_PER_INTENT = 2;

export function createRecognizer(config: RecognizerConfig, vocabulary: CatalogVocabulary, log: RecognizerLog): Recognizer {
  const corpus = loadCorpus();
  const local = createLocalRecognizer({ keywords: vocabulary.keywords, corpus });
  const composite = (remote: Recognizer, remoteName: 'luis' | 'openai'): Recognizer =>
    createCompositeRecognizer({ remote, remoteName, local, timeoutMs: config.timeoutMs, minScore: config.minScore, log });

  if (config.openai) {
    if (config.luis) log('recognizer: both OpenAI and LUIS configured; using OpenAI');
    const examples = selectFewShotExamples(corpus, FEW_SHOT_PER_INTENT, (line) => local.entitiesFor(line.text, line.intent));
    log('recognizer: OpenAI with local fallback', { model: config.openai.model, timeoutMs: config.timeoutMs });
    return composite(createOpenAiRecognizer({ ...config.openai, timeoutMs: config.timeoutMs }, examples), 'openai');
  }
  if (config.luis) {
    log('recognizer: LUIS (legacy) with local fallback', { timeoutMs: config.timeoutMs });
    return composite(createLuisRecognizer({ ...config.luis, timeoutMs: config.timeoutMs }), 'luis');
  }
  log('recognizer: local only');
  return local;
}

export type { RecognizerConfig } from './config';
export { parseBudget } from './entities/budget';
export { parseRating } from './entities/rating';
export type { RecognizerLog } from './composite';
