/** What kind of change a refinement asks for, and which consent an opt-in is about. */
import type { Entities } from '../types';

type Refinement = NonNullable<Entities['refinement']>;
type ConsentTopic = NonNullable<Entities['consentTopic']>;

// Order matters: "like the first one but cheaper" is about price, "i dont like these" is not "like these".
const REFINEMENTS: ReadonlyArray<[Refinement, RegExp]> = [
  ['cheaper', /\b(?:cheaper|cheap|less expensive|not so expensive|less pricey|too (?:expensive|pricey|dear|much)|costs? too much|lower (?:price|priced)|more affordable|affordable|price range|on a budget)\b/],
  ['pricier', /\b(?:more expensive|pricier|fancier|upmarket|premium|high(?:er)? end|costs? more|spend more|pay more|posher|luxurious|luxury|go higher|nicer)\b/],
  ['something_else', /\b(?:dont (?:like|want)|none of|not (?:those|these|that|keen|quite|really|for me)|arent right|not my thing)\b/],
  ['more_like_this', /\b(?:more like|similar|like (?:this|that|these|those|the)|same (?:style|kind|type)|(?:this|that) (?:kind|sort|style)|more of (?:these|those|that|this))\b/],
  ['something_else', /\b(?:else|different|other|others|another|alternatives?|next|try again|few more|see more)\b/],
];

const CONSENT_TOPICS: ReadonlyArray<[ConsentTopic, RegExp]> = [
  ['personalization', /personali[sz]|\btailor|\bhistory\b|\bprofil|\bcustomi[sz]|\brecommendations?\b|\bsuggestions?\b/],
  ['marketing', /\b(?:e ?mails?|newsletters?|marketing|offers?|deals?|promotions?|sales|mailing list|updates|texts?|sms)\b|subscri/],
];

/** @param words the utterance as corrected tokens joined by single spaces */
export function extractRefinement(words: string): Refinement | undefined {
  return REFINEMENTS.find(([, pattern]) => pattern.test(words))?.[0];
}

export function extractConsentTopic(words: string): ConsentTopic | undefined {
  return CONSENT_TOPICS.find(([, pattern]) => pattern.test(words))?.[0];
}
