/** The welcome the bot layer sends when a member joins the conversation (conversationUpdate membersAdded). */
import type { TurnContext } from 'botbuilder';
import { MAIN_CHOICES } from './copy';
import { question } from './speech/messages';
import type { OutgoingMessage } from './speech/messages';
import { isVoiceActivity } from './speech/voice';

export function welcomeActivity(context: TurnContext): OutgoingMessage {
  if (isVoiceActivity(context.activity)) {
    return question('Hi, I am your shopping assistant. I can suggest gifts, take feedback and handle privacy requests. What are you looking for?');
  }
  return question(
    'Hi! I am your shopping assistant. I can suggest gifts and homeware, tell you why I picked them, take your feedback '
    + 'and handle privacy requests. Try "a gift under £20 for my mum", or say "sign in" for tailored ideas.',
    { choices: MAIN_CHOICES },
  );
}
