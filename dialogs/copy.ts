/** Shared user-facing wording (help, examples), kept in one place so the flows stay consistent. */
/** The example requests the help, welcome and fallback texts offer: one wording of each. */
export const EXAMPLE_REQUESTS = {
  gift: 'a gift under £20 for my mum',
  season: 'something for Christmas',
  moreLike: 'more like the lantern',
  aboutMe: 'what do you know about me',
} as const;

/** An example as the texts quote it: "a gift under £20 for my mum". */
export const say = (example: keyof typeof EXAMPLE_REQUESTS): string => `"${EXAMPLE_REQUESTS[example]}"`;

export const MAIN_CHOICES = ['Gift ideas', 'Sign in', 'What do you know about me?', 'Help'] as const;

export const GENERAL_HELP =
  `I can suggest gifts and homeware, refine them ("cheaper", ${say('moreLike')}, "why this?"), `
  + 'take your feedback, and handle privacy requests (marketing or personalisation opt-out, '
  + `${say('aboutMe')}, "delete my data"). Say "cancel" to stop, or "talk to a human" at any time.`;

/** Help specific to the question being asked, by prompt id; the general help is the fallback. */
export const PROMPT_HELP: Record<string, string> = {
  'identify.email': 'I need the email address on your account. I never tell anyone whether an address is registered.',
  'identify.factor': 'Give the postcode on your account, or the number of any past order (for example 536365).',
  'identify.retry': 'Say "yes" to try your details again, or "no" to carry on as a guest.',
  'suggestions.clarify': 'Tell me what it is for (a birthday, Christmas) or what kind of thing (candles, mugs, bags).',
  'survey.csat': 'Give a number from 1 (very unhappy) to 5 (very happy), or say "skip".',
  'survey.nps': 'Give a number from 0 (not at all likely) to 10 (extremely likely), or say "skip".',
  'survey.comment': 'Tell me any comment about this chat, or say "skip".',
  'survey.offer': 'Two quick questions about this chat. Say "yes" to answer them or "no" to skip.',
  'privacy.identifyFirst': 'I can only act on your data once I know who you are. Say "yes" to sign in now.',
  'privacy.topic': 'Choose "marketing" for emails and offers, or "personalisation" for tailored suggestions.',
  'privacy.confirmDelete': 'Say "yes" to erase your personal data for good, or "no" to keep it.',
  'privacy.confirmConsent': 'Say "yes" to make the change, or "no" to leave your settings as they are.',
};

/** The reply to an utterance the bot did not understand (main menu). */
export const NOT_UNDERSTOOD =
  `Sorry, I did not understand that. You could say ${say('gift')}, ${say('season')} or ${say('aboutMe')}.`;

/** An order, delivery, return or refund question: the team answers those, the assistant cannot look them up. */
export const SERVICE_QUESTION =
  "I can't help with orders, deliveries, payments, returns or refunds, but our team can. Shall I ask a member of the team to join this chat?";
/** Opening hours, contact details, where the shop is: the team knows them, the assistant does not. */
export const SHOP_INFO_QUESTION =
  "I can't answer questions about the shop itself, such as opening hours or how to reach us, but our team can. Shall I ask a member of the team to join this chat?";
export const SERVICE_CHOICES = ['Talk to a person', 'Gift ideas'] as const;

/** A complaint: the team can put it right; feedback only records it. */
export const COMPLAINT_QUESTION =
  "I'm sorry something went wrong. A member of our team can look into it with you: shall I ask them to join this chat? Or you can leave feedback.";
export const COMPLAINT_CHOICES = ['Talk to a person', 'Leave feedback'] as const;

/** A message in another language the recognizer does not know. */
export const ENGLISH_ONLY = (language: string): string =>
  `It looks like you wrote in ${language}. Sorry, I can only chat in English for now. You could say ${say('gift')}.`;

/**
 * What a voice user hears instead of a long screen text: about 25 words at most, nothing that only makes sense
 * on a screen. Keyed by the screen text, so every flow that sends the shared copy speaks the short version.
 */
export const SPOKEN_COPY: ReadonlyMap<string, string> = new Map([
  [GENERAL_HELP, 'I can suggest gifts, explain my picks, take feedback and handle privacy requests.'],
  [NOT_UNDERSTOOD, "Sorry, I didn't catch that. Try a gift for my mum, or something for Christmas."],
  [SERVICE_QUESTION, "I can't look up orders or returns, but our team can. Shall I get someone?"],
  [COMPLAINT_QUESTION, "I'm sorry something went wrong. Shall I get someone from our team, or would you rather leave feedback?"],
]);
