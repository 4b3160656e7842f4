/** The welcome the bot layer sends when a member joins the conversation (conversationUpdate membersAdded). */
import type { TurnContext } from 'botbuilder';
import { MAIN_CHOICES, say } from './copy';
import type { CustomerProfile } from '../services/ports';
import { question } from './speech/messages';
import type { OutgoingMessage } from './speech/messages';
import { isVoiceActivity } from './speech/voice';

const SIGNED_IN_CHOICES = MAIN_CHOICES.filter((c) => c !== 'Sign in');

export function welcomeActivity(context: TurnContext, profile: CustomerProfile | null = null): OutgoingMessage {
  if (profile) {
    const firstName = profile.displayName.split(' ')[0] || profile.displayName;
    if (isVoiceActivity(context.activity)) return question(`Hi ${firstName}, I am your shopping assistant. What are you looking for today?`);
    return question(
      `Hi ${firstName}! I am your shopping assistant. I can suggest gifts and homeware picked for you, tell you why I `
      + `picked them, take your feedback and handle privacy requests. Try ${say('gift')} or ${say('aboutMe')}.`,
      { choices: SIGNED_IN_CHOICES },
    );
  }
  if (isVoiceActivity(context.activity)) {
    return question('Hi, I am your shopping assistant. I can suggest gifts, take feedback and handle privacy requests. What are you looking for?');
  }
  return question(
    'Hi! I am your shopping assistant. I can suggest gifts and homeware, tell you why I picked them, take your feedback '
    + `and handle privacy requests. Try ${say('gift')}, or say "sign in" for tailored ideas.`,
    { choices: MAIN_CHOICES },
  );
}
