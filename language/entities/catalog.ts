/**
 * Catalogue words in an utterance: category ids via the synonyms in domain/categories.ts, and product
 * keywords from the vocabulary the composition root builds from the catalogue. Plurals match singulars.
 */
import { CATEGORIES } from '../../domain/categories';
import { tokenize } from '../text/normalize';

/** Words too common to be a product keyword even if a product name contains them. */
const STOPWORDS = new Set([
  'a', 'an', 'and', 'the', 'of', 'for', 'with', 'in', 'on', 'to', 'set', 'my', 'me', 'i', 'it', 'is', 'you',
  'this', 'that', 'some', 'any', 'what', 'show', 'want', 'need', 'like', 'more', 'less', 'than', 'under',
  'over', 'gift', 'gifts', 'present', 'please', 'new', 'small', 'large', 'big', 'mini', 'love', 'n',
]);

export interface CatalogMatcher {
  categories(words: readonly string[]): string[];
  keywords(words: readonly string[]): string[];
  /** Every word the matcher knows, for the spelling corrector. */
  vocabulary(): string[];
}

function singular(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && word.length > 3) return word.slice(0, -1);
  return word;
}

const phraseKey = (tokens: readonly string[]): string => tokens.map(singular).join(' ');

/** Finds phrases (1..maxLength tokens) of `words` present in `phrases`, longest first, left to right. */
function findPhrases(words: readonly string[], phrases: ReadonlyMap<string, string>, maxLength: number): string[] {
  const found: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let length = Math.min(maxLength, words.length - i); length >= 1; length--) {
      const hit = phrases.get(phraseKey(words.slice(i, i + length)));
      if (hit === undefined) continue;
      if (!found.includes(hit)) found.push(hit);
      i += length - 1;
      break;
    }
  }
  return found;
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
    vocabulary: () => {
      const all = new Set<string>();
      for (const category of CATEGORIES) for (const s of category.synonyms) for (const t of tokenize(s)) all.add(t);
      for (const phrase of keywordPhrases.values()) for (const t of phrase.split(' ')) if (t.length >= 3) all.add(t);
      return [...all];
    },
  };
}
