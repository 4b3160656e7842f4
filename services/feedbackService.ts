/** Feedback surveys: offered at most once in 30 days per customer, stored with the segment at the time. */
import type { FeedbackRepository } from '../data/ports';
import type { FeedbackService, SuggestionContext, SurveyAnswers } from './ports';
import { newId } from './ids';

export const SURVEY_INTERVAL_DAYS = 30;

export class StoreFeedbackService implements FeedbackService {
  constructor(private readonly feedback: FeedbackRepository, private readonly now: () => Date = () => new Date()) {}

  async canOffer(customerId: string | null, now = this.now()): Promise<boolean> {
    if (!customerId) return true;
    const since = now.getTime() - SURVEY_INTERVAL_DAYS * 86_400_000;
    const previous = await this.feedback.forCustomer(customerId);
    return !previous.some((f) => Date.parse(f.at) > since);
  }

  async submit(context: SuggestionContext, answers: SurveyAnswers): Promise<void> {
    await this.feedback.add({
      id: newId('fb'),
      conversationId: context.conversationId,
      customerId: context.profile?.customerId ?? null,
      segment: context.profile?.segment ?? null,
      csat: answers.csat,
      nps: answers.nps,
      comment: answers.comment,
      followsSuggestions: answers.followsSuggestions,
      at: this.now().toISOString(),
    });
  }
}
