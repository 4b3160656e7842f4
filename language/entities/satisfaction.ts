/**
 * Satisfaction said in words, on the 1-5 CSAT scale's own labels (1 very dissatisfied ... 3 neutral ... 5 very
 * satisfied): "it was fine" is a 3, "really helpful" a 5, "not great" a 2. Only short answers are read: a longer
 * sentence is more likely a comment than a rating, and the shopper is asked again instead of being guessed at.
 */

type Score = 1 | 2 | 3 | 4 | 5;

const POSITIVE_STRONG = ['excellent', 'amazing', 'fantastic', 'brilliant', 'perfect', 'outstanding', 'superb', 'great', 'wonderful', 'awesome', 'loved', 'love'];
const POSITIVE = ['good', 'satisfied', 'happy', 'pleased', 'helpful', 'nice', 'useful', 'liked', 'like', 'content'];
const NEUTRAL = ['fine', 'ok', 'okay', 'alright', 'average', 'neutral', 'so-so', 'meh', 'decent', 'mediocre', 'acceptable'];
const NEGATIVE = ['poor', 'bad', 'dissatisfied', 'unhappy', 'disappointing', 'disappointed', 'unhelpful', 'unsatisfied', 'slow', 'confusing'];
const NEGATIVE_STRONG = ['terrible', 'awful', 'horrible', 'useless', 'worst', 'rubbish', 'dreadful', 'hated', 'hate', 'appalling', 'pointless'];

const BASE = new Map<string, Score>([
  ...POSITIVE_STRONG.map((word) => [word, 5] as const),
  ...POSITIVE.map((word) => [word, 4] as const),
  ...NEUTRAL.map((word) => [word, 3] as const),
  ...NEGATIVE.map((word) => [word, 2] as const),
  ...NEGATIVE_STRONG.map((word) => [word, 1] as const),
]);

const INTENSIFIERS = new Set(['very', 'really', 'extremely', 'super', 'so', 'totally', 'completely', 'incredibly']);
const NEGATORS = new Set(['not', "wasn't", 'wasnt', "isn't", 'isnt', "didn't", 'didnt', "don't", 'dont', 'never', 'hardly']);
const MAX_WORDS = 8;

/** Negating the top of the scale lands just below the middle; negating the bottom lands in the middle. */
function negated(score: Score): Score {
  return score >= 4 ? 2 : score <= 2 ? 3 : 2;
}

function intensified(score: Score): Score {
  return score === 4 ? 5 : score === 2 ? 1 : score;
}

/** A 1-5 score for a short worded answer, or null when no satisfaction word is there. */
export function parseSatisfaction(text: string): Score | null {
  const words = text.toLowerCase().replace(/[^a-z'\s-]/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_WORDS) return null;
  for (let i = 0; i < words.length; i += 1) {
    const score = BASE.get(words[i]);
    if (score === undefined) continue;
    const before = words.slice(Math.max(0, i - 2), i);
    if (before.some((word) => NEGATORS.has(word))) return negated(score);
    if (before.some((word) => INTENSIFIERS.has(word))) return intensified(score);
    return score;
  }
  return null;
}
