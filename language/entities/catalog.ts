/**
 * Catalogue words in an utterance: category ids via the synonyms in domain/categories.ts, and product
 * keywords from the vocabulary the composition root builds from the catalogue. Plurals match singulars.
 */
import { CATEGORIES } from '../../domain/categories';
import { tokenize } from '../text/normalize';
import { singular } from '../../domain/words';
import { isColourWord } from './colours';

/** Words too common to be a product keyword even if a product name contains them. */
const STOPWORDS = new Set([
  'a', 'an', 'and', 'the', 'of', 'for', 'with', 'in', 'on', 'to', 'set', 'my', 'me', 'i', 'it', 'is', 'you',
  'this', 'that', 'some', 'any', 'what', 'show', 'want', 'need', 'like', 'more', 'less', 'than', 'under',
  'over', 'gift', 'gifts', 'present', 'please', 'new', 'small', 'large', 'big', 'mini', 'love', 'n',
  // How requests are phrased ("I'm looking for ...", "ideas to buy"), not what they ask for.
  'looking', 'look', 'find', 'finding', 'search', 'searching', 'buy', 'buying', 'get', 'getting', 'idea', 'ideas',
  // Counts, positions and money ("under a fiver" is a budget, not the "Five Cats" decoration; "the first one" points
  // at a card, not at a "First Aid Tin").
  'first', 'second', 'third', 'fourth', 'fifth', 'last', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'twenty', 'fifty', 'hundred',
  'fiver', 'tenner', 'quid', 'pound', 'pounds',
  // Pronouns and question words ("what's your cheapest candle?" asks about candles, not items named "Your ...").
  'your', 'yours', 'our', 'their', 'his', 'her', 'we', 'us', 'they', 'them', 'he', 'she', 'do', 'does', 'have', 'has',
  'can', 'could', 'would', 'which', 'there', 'these', 'those', 'anything', 'something',
]);

export interface CatalogMatcher {
  categories(words: readonly string[]): string[];
  keywords(words: readonly string[]): string[];
  /** Whether a short utterance is nothing but catalogue words ("toys", "some candles please"): a product request. */
  namesOnlyProducts(words: readonly string[]): boolean;
  /** Every word the matcher knows, for the spelling corrector. */
  vocabulary(): string[];
}

const phraseKey = (tokens: readonly string[]): string => tokens.map(singular).join(' ');

/**
 * Stems to try for a single word no phrase matched: "gardening" and "gardener" name the garden, "baking" the bake,
 * "knitted" the knit. Only tried as a fallback, and a stem counts only when the catalogue has it as a word.
 */
function inflectionStems(word: string): string[] {
  const match = /^(.{3,}?)(ing|ers|er|ed)$/.exec(word);
  if (!match) return [];
  const stem = match[1];
  const undoubled = /([b-df-hj-np-tv-z])\1$/.test(stem) ? stem.slice(0, -1) : stem;
  return [...new Set([stem, `${stem}e`, undoubled])].filter((candidate) => candidate.length >= 4);
}

/** The longest phrase (1..maxLength tokens) starting at word i, or a single word's stem; undefined when none. */
function phraseAt(words: readonly string[], i: number, phrases: ReadonlyMap<string, string>, maxLength: number, stems = true): { hit: string; length: number } | undefined {
  for (let length = Math.min(maxLength, words.length - i); length >= 1; length--) {
    const hit = phrases.get(phraseKey(words.slice(i, i + length)));
    if (hit !== undefined) return { hit, length };
  }
  if (!stems) return undefined;
  const stemmed = inflectionStems(words[i]).map((stem) => phrases.get(phraseKey([stem]))).find((hit) => hit !== undefined);
  return stemmed === undefined ? undefined : { hit: stemmed, length: 1 };
}

/** Finds phrases of `words` present in `phrases`, longest first, left to right. */
function findPhrases(words: readonly string[], phrases: ReadonlyMap<string, string>, maxLength: number): string[] {
  const found: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const phrase = phraseAt(words, i, phrases, maxLength);
    if (phrase === undefined) continue;
    if (!found.includes(phrase.hit)) found.push(phrase.hit);
    i += phrase.length - 1;
  }
  return found;
}

/** The most words a bare product request has ("red lunch bags please"); longer text says more than a product. */
const MAX_BARE_REQUEST_WORDS = 4;
/** The only other words a bare product request may hold besides colours ("some red candles please"); "is it raining" is no request. */
const BARE_REQUEST_FILLERS = new Set(['a', 'an', 'the', 'some', 'any', 'more', 'other', 'please', 'pls', 'thanks']);

/**
 * Whether every word is a filler or inside a catalogue phrase (the words as written: "raining" does not count as
 * "rain" here), and at least one phrase is.
 */
function coveredByPhrases(words: readonly string[], lookups: ReadonlyArray<[ReadonlyMap<string, string>, number]>): boolean {
  let phrases = 0;
  for (let i = 0; i < words.length; i++) {
    const hit = lookups.map(([map, max]) => phraseAt(words, i, map, max, false)).find((found) => found !== undefined);
    if (hit) {
      phrases++;
      i += hit.length - 1;
    } else if (!BARE_REQUEST_FILLERS.has(words[i]) && !isColourWord(words[i])) {
      return false;
    }
  }
  return phrases > 0;
}

export function createCatalogMatcher(keywords: readonly string[]): CatalogMatcher {
  const synonymToCategory = new Map<string, string>();
  for (const category of CATEGORIES) {
    for (const synonym of category.synonyms) synonymToCategory.set(phraseKey(tokenize(synonym)), category.id);
  }
  const keywordPhrases = new Map<string, string>();
  for (const keyword of keywords) {
    const tokens = tokenize(keyword);
    if (tokens.length === 0 || tokens.every((t) => STOPWORDS.has(t) || t.length < 3)) continue;
    keywordPhrases.set(phraseKey(tokens), tokens.join(' '));
  }
  const longest = (phrases: Map<string, string>): number => Math.max(1, ...[...phrases.keys()].map((p) => p.split(' ').length));
  const categoryMax = longest(synonymToCategory);
  const keywordMax = longest(keywordPhrases);

  return {
    categories: (words) => findPhrases(words, synonymToCategory, categoryMax),
    keywords: (words) => findPhrases(words, keywordPhrases, keywordMax),
    namesOnlyProducts: (words) => words.length <= MAX_BARE_REQUEST_WORDS
      && coveredByPhrases(words, [[synonymToCategory, categoryMax], [keywordPhrases, keywordMax]]),
    vocabulary: () => {
      const all = new Set<string>();
      for (const category of CATEGORIES) for (const s of category.synonyms) for (const t of tokenize(s)) all.add(t);
      for (const phrase of keywordPhrases.values()) for (const t of phrase.split(' ')) if (t.length >= 3) all.add(t);
      return [...all];
    },
  };
}
