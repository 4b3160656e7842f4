/**
 * Drives MainDialog through botbuilder-testing's DialogTestClient with the fakes and the real local
 * recognizer, and checks the speech rules on every turn: each message has valid SSML `speak` with
 * xml:lang, and only the last message of a turn may expect input.
 */
import { ActivityTypes, InputHints, MemoryStorage } from 'botbuilder';
import type { Activity, Middleware, TurnContext } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createSessionAccessor, MainDialog, PerUserConversationState } from '../../../dialogs';
import type { ConversationSession } from '../../../dialogs';
import { createLocalRecognizer } from '../../../language/local/recognizer';
import type { Recognizer } from '../../../language/types';
import { TURN_ANNOTATIONS } from '../../../dialogs/turn';
import type { TurnAnnotations } from '../../../dialogs/turn';
import { CATALOGUE_KEYWORDS } from './fakeCustomers';
import { createFakeServices } from './fakeServices';
import type { FakeServices } from './fakeServices';

let recognizer: Recognizer | undefined;
/** Training takes a few hundred milliseconds: one recognizer per test file. */
export function sharedRecognizer(): Recognizer {
  recognizer ??= createLocalRecognizer({ keywords: CATALOGUE_KEYWORDS });
  return recognizer;
}

export type Reply = Partial<Activity>;

export interface Conversation {
  services: FakeServices;
  /** One annotations object per turn, as the bot layer would provide. */
  annotations: TurnAnnotations[];
  transcript: string[];
  say(input: string | Partial<Activity>): Promise<Reply[]>;
  session(): Promise<ConversationSession>;
}

const ssmlParser = new XMLParser({ ignoreAttributes: false });

export function expectValidSpeech(message: Reply): void {
  expect(typeof message.speak).toBe('string');
  const ssml = String(message.speak);
  expect(XMLValidator.validate(ssml)).toBe(true);
  const root = ssmlParser.parse(ssml).speak;
  expect(root['@_xml:lang']).toBe('en-GB');
  expect(root['@_version']).toBe('1.0');
  expect(root['@_xmlns']).toBe('http://www.w3.org/2001/10/synthesis');
}

export function expectSpeechRules(replies: Reply[]): void {
  const messages = replies.filter((r) => r.type === ActivityTypes.Message);
  messages.forEach(expectValidSpeech);
  messages.forEach((m) => expect([InputHints.ExpectingInput, InputHints.IgnoringInput]).toContain(m.inputHint));
  messages.slice(0, -1).forEach((m) => expect(m.inputHint).toBe(InputHints.IgnoringInput));
}

export const texts = (replies: Reply[]): string[] => replies.filter((r) => r.type === ActivityTypes.Message).map((r) => String(r.text));
export const lastReply = (replies: Reply[]): Reply => replies[replies.length - 1];
export const asksSomething = (replies: Reply[]): boolean => lastReply(replies)?.inputHint === InputHints.ExpectingInput;
export const choicesOf = (reply: Reply): string[] => (reply.suggestedActions?.actions ?? []).map((a) => a.title ?? '');

export interface ConversationOptions {
  channelId?: string;
  services?: FakeServices;
  /** The clock of the session policy (and of the fake identity service when the services are the default). */
  now?: () => Date;
  idleMinutes?: number;
  recognizer?: Recognizer;
}

export function startConversation(options: ConversationOptions = {}): Conversation {
  const now = options.now ?? (() => new Date());
  const services = options.services ?? createFakeServices(() => now().getTime());
  const storage = new MemoryStorage();
  const conversationState = new PerUserConversationState(storage);
  const accessor = createSessionAccessor(conversationState);
  const dialog = new MainDialog(services, options.recognizer ?? sharedRecognizer(), accessor, { idleMinutes: options.idleMinutes ?? 30, now });
  const annotations: TurnAnnotations[] = [];
  const annotate: Middleware = {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const turn: TurnAnnotations = {};
      annotations.push(turn);
      context.turnState.set(TURN_ANNOTATIONS, turn);
      await next();
    },
  };
  let storageKey: string | undefined;
  const rememberKey: Middleware = {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      storageKey = conversationState.getStorageKey(context);
      await next();
    },
  };
  const client = new DialogTestClient(options.channelId ?? 'test', dialog, undefined, [annotate, rememberKey], conversationState);
  const transcript: string[] = [];

  return {
    services, annotations, transcript,
    async say(input) {
      const activity: Partial<Activity> = typeof input === 'string' ? { type: ActivityTypes.Message, text: input } : { type: ActivityTypes.Message, ...input };
      transcript.push(`User: ${activity.text ?? JSON.stringify(activity.value ?? activity.channelData)}`);
      const replies: Reply[] = [];
      let reply: Reply | undefined = await client.sendActivity(activity);
      while (reply) {
        replies.push(reply);
        reply = client.getNextReply();
      }
      for (const r of replies) transcript.push(`Bot${r.type === 'message' ? '' : ` [${r.type} ${r.name}]`}: ${r.text ?? ''}${describeExtras(r)}`);
      expectSpeechRules(replies);
      return replies;
    },
    async session() {
      if (!storageKey) throw new Error('no turn yet');
      const stored = await storage.read([storageKey]);
      return stored[storageKey]?.conversationSession as ConversationSession;
    },
  };
}

function describeExtras(reply: Reply): string {
  const cards = reply.attachments?.length ? ` [${reply.attachments.length} ${reply.attachments[0].contentType}]` : '';
  const choices = reply.suggestedActions?.actions.length ? ` {${choicesOf(reply).join(' | ')}}` : '';
  return `${cards}${choices}${reply.inputHint === InputHints.ExpectingInput ? ' (expecting input)' : ''}`;
}
