/**
 * Suggestions: a free request, at most one clarifying question, then a carousel and a question to refine.
 * Card buttons ("more like this", "not interested", "why this?", "show details") and refinement
 * utterances ("cheaper", "more like the lantern") come back here through the main router.
 */
import { TextPrompt, WaterfallDialog } from '../dialogClasses';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { RecognitionResult } from '../../language/types';
import type { DialogDeps } from '../deps';
import { flowResult } from '../flowResult';
import { InterruptibleDialog } from '../interruptibleDialog';
import { loadSession } from '../session';
import type { ConversationSession, LastRequest } from '../session';
import { question } from '../speech/messages';
import { isVoiceActivity } from '../speech/voice';
import { stepValues } from '../stepValues';
import { recognizeTurn } from '../turn';
import type { CardActionValue } from './cards';
import { addToBasket, dismissItem, explainItem, showDetails, suggestionContext, tellPrice, tellStock } from './itemActions';
import { itemRequestIn, productWordsOf, quantityIn, type ItemRequest } from './itemRequests';
import {
  findShownByKeywords, findShownByNameWord, findShownByOrdinal, inPriceOrder, isUnderspecified, mergeRequests, refineRequest, requestFromEntities, withExclusions,
} from './request';
import { askToRefine, readShownAgain, showSuggestions } from './showSuggestions';
import { READ_ALL } from './spokenSuggestions';

export const SUGGESTIONS_DIALOG = 'suggestionsDialog';
const FLOW = 'suggestions.flow';
const CLARIFY = 'suggestions.clarify';

export interface SuggestionsOptions {
  recognition: RecognitionResult;
  text: string;
  action?: CardActionValue;
}

interface SuggestionsValues { request: LastRequest; clarifying: boolean }

const CLARIFY_CHOICES = ['A gift', 'Christmas', 'Home decor', 'Kitchen', 'Surprise me'];
/** The shopper leaves the choice to us: no clarifying question. */
const SURPRISE = /\b(surprise me|anything|you (choose|pick|decide)|no idea|not sure|don'?t know)\b/i;

export class SuggestionsDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(SUGGESTIONS_DIALOG, deps);
    this.addDialog(new TextPrompt(CLARIFY));
    this.addDialog(new WaterfallDialog(FLOW, [
      this.start.bind(this), this.plan.bind(this), this.show.bind(this),
    ]));
    this.initialDialogId = FLOW;
  }

  private options(step: WaterfallStepContext): SuggestionsOptions {
    return step.options as SuggestionsOptions;
  }

  /** Item questions are answered at once; everyone else goes straight to suggestions (strangers get popular picks). */
  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { action, recognition } = this.options(step);
    const session = await loadSession(this.deps.session, step.context);
    if (action && action.action !== 'more_like') {
      const handlers = { why: explainItem, details: showDetails, not_interested: dismissItem, add_to_basket: addToBasket } as const;
      await handlers[action.action](step.context, this.deps, session, action.productId);
      return this.keepRefining(step, session);
    }
    // A screen shows every card already; by voice only the top picks were read.
    if (!action && isVoiceActivity(step.context.activity) && READ_ALL.test(this.options(step).text) && session.shown.length > 0) {
      await readShownAgain(step.context, session);
      return step.endDialog(flowResult('asked'));
    }
    const itemRequest = action ? null : itemRequestIn(this.options(step).text);
    if (itemRequest) {
      const answered = await this.answerItemRequest(step, session, itemRequest);
      if (answered) return answered;
    }
    if (!action && recognition.intent === 'explain_suggestion') {
      const named = findShownByKeywords(session.shown, recognition.entities.keywords) ?? findShownByOrdinal(session.shown, this.options(step).text);
      const target = named ?? session.shown[0];
      if (!target) return this.nothingShownYet(step);
      await explainItem(step.context, this.deps, session, target.productId, !named && session.shown.length > 1);
      return this.keepRefining(step, session);
    }
    return step.next();
  }

  /**
   * "Add the second one to my basket", "how much is the lantern?": answered for the item named, by position or by
   * a word of its name. Undefined lets the turn go on as a request ("add candles to my basket" shows candles).
   */
  private async answerItemRequest(step: WaterfallStepContext, session: ConversationSession, request: ItemRequest): Promise<DialogTurnResult | undefined> {
    const { text, recognition } = this.options(step);
    const keywords = productWordsOf(request, recognition.entities.keywords);
    const target = findShownByOrdinal(session.shown, text) ?? findShownByKeywords(session.shown, keywords)
      ?? findShownByNameWord(session.shown, text) ?? (session.shown.length === 1 && keywords.length === 0 ? session.shown[0] : undefined);
    if (target) {
      if (request === 'add_to_basket') await addToBasket(step.context, this.deps, session, target.productId, { quantity: quantityIn(text) });
      else if (request === 'price') await tellPrice(step.context, this.deps, session, target.productId);
      else await tellStock(step.context, session, target.productId);
      return this.keepRefining(step, session);
    }
    if (keywords.length > 0) return undefined;
    if (session.shown.length === 0) return this.nothingShownYet(step);
    const example = { add_to_basket: '"add the second one to my basket"', price: '"how much is the first one?"', stock: '"is the first one in stock?"' }[request];
    const tap = isVoiceActivity(step.context.activity) ? '' : request === 'add_to_basket' ? ', or tap "Add to basket" on its card' : '';
    await step.context.sendActivity(question(`Which one? Say for example ${example}${tap}.`, { speak: `Which one? For example, say ${example}.` }));
    return step.endDialog(flowResult('asked'));
  }

  /** After a question about one item the round is still on screen: offer its refinements again. */
  private async keepRefining(step: WaterfallStepContext, session: ConversationSession): Promise<DialogTurnResult> {
    if (session.shown.length === 0) return step.endDialog(flowResult('completed'));
    await askToRefine(step.context, session);
    return step.endDialog(flowResult('asked'));
  }

  private async nothingShownYet(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(question("I haven't suggested anything yet. What are you looking for?", { choices: CLARIFY_CHOICES }));
    return step.endDialog(flowResult('asked'));
  }

  /** Works out the request; asks one clarifying question when nothing says what it is for. */
  private async plan(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const session = await loadSession(this.deps.session, step.context);
    const request = await this.requestFor(step, session);
    const values = stepValues<SuggestionsValues>(step);
    values.request = request;
    if (!isUnderspecified(request) || SURPRISE.test(this.options(step).text)) return step.next();
    values.clarifying = true;
    return step.prompt(CLARIFY, {
      prompt: question('Happy to help. What is it for, or what kind of thing are you after?', {
        speak: 'What is it for, or what kind of thing?', choices: CLARIFY_CHOICES, sayChoices: true,
      }),
    });
  }

  private async requestFor(step: WaterfallStepContext, session: ConversationSession): Promise<LastRequest> {
    const { action, recognition, text } = this.options(step);
    const { entities } = recognition;
    if (action?.action === 'more_like') return this.moreLike(step, session, action.productId);
    const refinement = entities.refinement ?? (recognition.intent === 'refine_suggestions' ? 'something_else' : undefined);
    const said = requestFromEntities(entities);
    if (said.priceOrder) return inPriceOrder(said, session.lastRequest);
    // A new budget or colour alone ("under £5 please", "how about in pink?") narrows the last request rather than
    // starting an empty one.
    if (!refinement && session.lastRequest && (said.budget || said.colours) && isUnderspecified({ ...said, colours: undefined })) {
      return mergeRequests(session.lastRequest, said);
    }
    if (!refinement) return said;
    if (refinement === 'more_like_this') {
      const shownTarget = findShownByKeywords(session.shown, entities.keywords) ?? findShownByOrdinal(session.shown, text);
      const targetId = shownTarget?.productId
        ?? (await this.deps.services.suggestions.findProduct(text))?.id
        ?? session.shown[0]?.productId;
      if (targetId) return this.moreLike(step, session, targetId);
      return requestFromEntities(entities);
    }
    const base = session.lastRequest ? mergeRequests(session.lastRequest, requestFromEntities(entities)) : requestFromEntities(entities);
    return refineRequest(base, refinement, session.shown);
  }

  private async moreLike(step: WaterfallStepContext, session: ConversationSession, productId: string): Promise<LastRequest> {
    const reason = session.shown.find((item) => item.productId === productId)?.reason ?? '';
    await this.deps.services.suggestions.record(suggestionContext(step.context, session), 'opened', [{ productId, reason }]);
    // The item says what kind of thing; the budget, the occasion and who it is for (a child) still hold.
    const { budget, occasion, audience } = session.lastRequest ?? {};
    return withExclusions({ similarTo: productId, budget, occasion, audience }, [productId]);
  }

  private async show(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = stepValues<SuggestionsValues>(step);
    let request = values.request ?? {};
    if (values.clarifying && typeof step.result === 'string') {
      const answer = await recognizeTurn(step.context, this.deps.recognizer);
      request = mergeRequests(request, requestFromEntities(answer.entities));
    }
    const session = await loadSession(this.deps.session, step.context);
    await showSuggestions(step.context, this.deps, session, request);
    return step.endDialog(flowResult('asked'));
  }
}
