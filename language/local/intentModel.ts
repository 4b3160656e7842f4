/**
 * The local intent classifier: masking of open values, typo correction against the known vocabulary,
 * sparse features and a softmax model trained from the corpus at start (tens of milliseconds).
 */
import { INTENTS, type Intent } from '../types';
import { maskOpenValues, PLACEHOLDERS, tokenize } from '../text/normalize';
import { SpellingCorrector } from '../text/spelling';
import { extractFeatures, type FeatureCounts } from './features';
import { SoftmaxClassifier } from './softmax';
import type { LabelledUtterance } from './corpus';

const MIN_ENTITY_CORRECTION_LENGTH = 5;

export interface IntentScore {
  intent: Intent;
  score: number;
}

export interface Classification {
  ranked: IntentScore[];
  /** Share of the utterance's tokens the model recognises (after typo correction). */
  knownShare: number;
}

export class IntentModel {
  private constructor(
    private readonly classifier: SoftmaxClassifier<Intent>,
    private readonly corrector: SpellingCorrector,
  ) {}

  /** @param catalogVocabulary catalogue words typos may be corrected towards (they carry no intent weight) */
  static train(corpus: readonly LabelledUtterance[], catalogVocabulary: readonly string[] = []): IntentModel {
    const vocabulary = new Set<string>([...Object.values(PLACEHOLDERS), ...catalogVocabulary]);
    for (const { text } of corpus) for (const token of tokenize(maskOpenValues(text))) vocabulary.add(token);
    const corrector = new SpellingCorrector(vocabulary);
    const classifier = new SoftmaxClassifier<Intent>(INTENTS);
    const model = new IntentModel(classifier, corrector);
    classifier.train(corpus.map(({ text, intent }) => ({ features: model.featuresOf(text).features, label: intent })));
    return model;
  }

  classify(text: string): Classification {
    const { features, knownShare } = this.featuresOf(text);
    const probabilities = this.classifier.predict(features);
    const ranked = INTENTS.map((intent, i) => ({ intent, score: probabilities[i] })).sort((a, b) => b.score - a.score);
    return { ranked, knownShare };
  }

  /** A token that is neither a known word nor a typo of one (often a name: another company, a person). */
  isUnknownWord(token: string): boolean {
    return this.corrector.candidates(token).length === 0;
  }

  /**
   * The utterance's tokens with typos corrected, for entity extraction. Stricter than for classification:
   * only words of five letters or more with one unambiguous correction ("kind" must not become "find").
   */
  correctedWords(text: string): string[] {
    return tokenize(text).map((token) => {
      if (token.length < MIN_ENTITY_CORRECTION_LENGTH) return token;
      const candidates = this.corrector.candidates(token);
      return candidates.length === 1 ? candidates[0] : token;
    });
  }

  private featuresOf(text: string): { features: FeatureCounts; knownShare: number } {
    const typed = tokenize(maskOpenValues(text));
    const corrected = typed.map((token) => this.corrector.candidates(token));
    const known = corrected.filter((options) => options.length > 0).length;
    return { features: extractFeatures(typed, corrected), knownShare: typed.length === 0 ? 0 : known / typed.length };
  }
}
