/** Help and "talk to a human", shared by the main router and the interruption check of every flow. */
import { EventFactory } from 'botbuilder';
import type { TurnContext } from 'botbuilder';
import { GENERAL_HELP, PROMPT_HELP } from './copy';
import type { DialogDeps } from './deps';
import { loadSession } from './session';
import { statement } from './speech/messages';

/** Help for the question being asked (by prompt id), or the general help. */
export function helpFor(promptId: string | undefined): string {
  return (promptId !== undefined ? PROMPT_HELP[promptId] : undefined) ?? GENERAL_HELP;
}

/**
 * Records a handoff for staff and sends Bot Framework's handoff initiation event, which a handoff-aware
 * channel or agent hub (e.g. Omnichannel) acts on. Staff see the shopper's own words (redacted by the
 * service), never an internal step name; `where` only fills in when the turn had no text.
 * Outside staffed hours the shopper is told when the team is there and may leave an email for a call-back.
 */
export async function handOff(context: TurnContext, deps: DialogDeps, where: string): Promise<void> {
  const session = await loadSession(deps.session, context);
  const customerId = session.profile?.customerId ?? null;
  const words = typeof context.activity.text === 'string' ? context.activity.text.trim() : '';
  const reason = words || `(no words: asked from ${where})`;
  const { handoffId, offline } = await deps.services.handoff.request(context.activity.conversation.id, customerId, reason);
  if (offline) {
    await context.sendActivity(statement(
      `Our team is not available right now: we are here ${offline.hours} (${offline.timeZone} time). `
      + `If you would like us to get back to you, type your email address and a team member will contact you when we open. `
      + `Your reference is ${handoffReference(handoffId)}. Meanwhile I'm happy to keep helping.`,
    ));
    return;
  }
  await context.sendActivity(statement(
    `I've asked a member of our team to join this chat. Your reference is ${handoffReference(handoffId)}. They will see our conversation so far.`,
  ));
  await context.sendActivity(EventFactory.createHandoffInitiation(context, {
    handoffId,
    customerId,
    segment: session.profile?.segment ?? null,
  }));
}

/** What the shopper is told and staff see in the handoff queue: short enough to read out. */
export function handoffReference(handoffId: string): string {
  return handoffId.slice(0, 8).toUpperCase();
}
