/**
 * Sparse features for the intent classifier: corrected word unigrams and bigrams, plus character
 * n-grams of the tokens as typed (robust to typos and word forms the corpus never saw).
 */
export type FeatureCounts = Map<string, number>;

const CHAR_NGRAM_SIZES = [3, 4] as const;
const CHAR_NGRAM_WEIGHT = 0.6;
const BIGRAM_WEIGHT = 0.8;
const DOMAIN_WEIGHT = 1;
/** Words of what this shop deals in: its products, orders, account, consent and data, and its service. */
const SHOP_WORDS: ReadonlySet<string> = new Set(('shop store product products item items order orders delivery parcel purchase bought buy '
  + 'gift gifts present presents suggest suggestion suggestions recommend recommendation recommendations idea ideas '
  + 'account profile membership data details information info email emails newsletter newsletters marketing '
  + 'personalised personalized personalisation personalization subscribe unsubscribe subscription consent '
  + 'complaint complain feedback review reviews rating service website site price budget cheaper cheap '
  + 'candle candles mug lamp decoration decorations').split(' '));

function add(counts: FeatureCounts, key: string, weight: number): void {
  counts.set(key, (counts.get(key) ?? 0) + weight);
}

/**
 * @param typed tokens as the shopper wrote them (after masking)
 * @param corrected for each typed token, the known word(s) it stands for (several when a typo is ambiguous)
 */
export function extractFeatures(typed: readonly string[], corrected: readonly (readonly string[])[]): FeatureCounts {
  const counts: FeatureCounts = new Map();
  corrected.forEach((options) => {
    if (options.length === 0) add(counts, 'w:?', 1);
    for (const word of options) add(counts, `w:${word}`, 1 / options.length);
  });
  for (let i = 0; i + 1 < corrected.length; i++) {
    for (const left of corrected[i]) for (const right of corrected[i + 1]) add(counts, `b:${left}_${right}`, BIGRAM_WEIGHT / (corrected[i].length * corrected[i + 1].length || 1));
  }
  // Whether the text speaks of anything this shop deals in: requests without such a word lean to "none"
  // (or to the short social intents), which the model learns from the corpus.
  const shopTalk = corrected.some((options) => options.some((word) => SHOP_WORDS.has(word)));
  add(counts, shopTalk ? 'd:shop' : 'd:other', DOMAIN_WEIGHT);
  add(counts, `b:^_${corrected[0]?.[0] ?? ''}`, BIGRAM_WEIGHT);
  add(counts, `b:${corrected.at(-1)?.[0] ?? ''}_$`, BIGRAM_WEIGHT);
  for (const token of typed) {
    const padded = `<${token}>`;
    for (const size of CHAR_NGRAM_SIZES) {
      for (let i = 0; i + size <= padded.length; i++) add(counts, `c:${padded.slice(i, i + size)}`, CHAR_NGRAM_WEIGHT);
    }
  }
  return counts;
}
