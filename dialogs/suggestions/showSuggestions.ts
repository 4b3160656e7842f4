/** One round of suggestions: ask the service, record what was shown, send the carousel and the refine question. */
import type { TurnContext } from 'botbuilder';
import type { DialogDeps } from '../deps';
import { signOut } from '../session';
import type { ConversationSession, LastRequest, ShownItem } from '../session';
import { question, statement } from '../speech/messages';
import { isVoiceActivity } from '../speech/voice';
import { annotate } from '../turn';
import { suggestionCarousel, topItemsText } from './cards';
import { suggestionContext } from './itemActions';
import { withExclusions } from './request';
import { widenedRound, type Suggest } from './widen';
import { placeholderImageUrl } from '../../domain/productImages';
import { spokenFullList, spokenRound, VOICE_REFINE_QUESTION } from './spokenSuggestions';
import { introSentence, notPersonalizedNotice, voiceIntro } from './tone';
import { treatedProfile, treatmentFor } from '../experimentTreatment';

const TEXT_LIMIT = 5;
/** A voice reply reads out the top three and shows no more than it reads. */
const VOICE_LIMIT = 3;
const MAX_REMEMBERED_IDS = 200;
export const REFINE_CHOICES = ['Cheaper', 'Something else', "No, that's all"];

/** Segment and consent may have changed since identification (or the data was erased elsewhere). */
async function refreshProfile(deps: DialogDeps, session: ConversationSession): Promise<void> {
  if (!session.profile) return;
  const current = await deps.services.identity.profile(session.profile.customerId);
  if (current) session.profile = current;
  else signOut(session);
}

function refineChoices(session: ConversationSession): string[] {
  // Not signed in: the way to tailored picks is one tap away, never a question in the way.
  return session.profile ? REFINE_CHOICES : [...REFINE_CHOICES.slice(0, -1), 'Sign in', ...REFINE_CHOICES.slice(-1)];
}

/** "Tell me more" / "read them all": every item of the last round, by name and price. */
export async function readShownAgain(context: TurnContext, session: ConversationSession): Promise<void> {
  await context.sendActivity(statement(topItemsText(session.shown, session.shown.length), { speak: spokenFullList(session.shown) }));
  await context.sendActivity(question('Want something cheaper, something else, or more like one of these?', {
    speak: VOICE_REFINE_QUESTION, choices: refineChoices(session),
  }));
}

export async function showSuggestions(context: TurnContext, deps: DialogDeps, session: ConversationSession, request: LastRequest): Promise<void> {
  await refreshProfile(deps, session);
  const voice = isVoiceActivity(context.activity);
  const profile = session.profile;
  const finalRequest = withExclusions(request, session.dismissed);
  // Consent is the service's to check (it reads the customer's current record): one gate, not two.
  const treatment = await treatmentFor(deps, context, session);
  const suggest: Suggest = (wanted, limit) => deps.services.suggestions.suggest({ ...suggestionContext(context, session), treatment }, { ...wanted, limit });
  const result = await widenedRound(finalRequest, voice ? VOICE_LIMIT : TEXT_LIMIT, suggest);

  if (result.items.length === 0) {
    await context.sendActivity(question("I couldn't find anything matching that. Shall I try something different?", {
      speak: "I couldn't find anything like that. Shall I try something different?", choices: ['Surprise me', 'Christmas', 'Something else'],
    }));
    return;
  }

  const shown: ShownItem[] = result.items.map(({ product, reason }) => ({
    productId: product.id, name: product.name, price: product.price, currency: product.currency,
    category: product.category, inStock: product.inStock, reason: reason.text,
    imageUrl: product.imageUrl ?? placeholderImageUrl(product.id, deps.publicBaseUrl), productUrl: product.productUrl,
  }));
  const reasons = shown.map((item) => ({ productId: item.productId, reason: item.reason }));
  await deps.services.suggestions.record(suggestionContext(context, session), 'shown', reasons);
  session.lastRequest = finalRequest;
  session.shown = shown;
  session.shownProductIds = [...new Set([...session.shownProductIds, ...shown.map((item) => item.productId)])].slice(-MAX_REMEMBERED_IDS);
  annotate(context, { reasons, shownProducts: shown, customerId: profile?.customerId ?? null, segment: profile?.segment ?? null });

  const toneInput = { profile: treatedProfile(profile, treatment), personalized: result.personalized, similar: finalRequest.similarTo !== undefined, audience: finalRequest.audience,
    priceOrder: finalRequest.priceOrder };
  const intro = [result.note ?? introSentence(toneInput), notPersonalizedNotice(toneInput)].filter((s): s is string => s !== null).join(' ');
  await context.sendActivity(statement(voice ? `${intro} ${topItemsText(shown)}` : intro, {
    speak: spokenRound(result.spokenNote ?? voiceIntro(toneInput), shown, VOICE_REFINE_QUESTION), attachments: suggestionCarousel(shown), carousel: true,
  }));
  await askToRefine(context, session);
}

/** The question after a round, and after a question about one of its items: the refine choices stay at hand. */
export async function askToRefine(context: TurnContext, session: ConversationSession): Promise<void> {
  const voice = isVoiceActivity(context.activity);
  await context.sendActivity(question(
    voice ? 'Would you like something cheaper, something else, or is that all?' : 'Want something cheaper, something else, or more like one of these?',
    { speak: VOICE_REFINE_QUESTION, choices: refineChoices(session) },
  ));
}
