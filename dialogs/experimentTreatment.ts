/** Reads the shopper's experiment variant for the dialogs (tone, survey timing) and the suggestion service (strategy). */
import type { TurnContext } from 'botbuilder';
import type { CustomerProfile } from '../services/ports';
import type { Treatment } from '../services/experiments/treatments';
import type { DialogDeps } from './deps';
import type { ConversationSession } from './session';

/** null for guests, opted-out customers, no experiment, or when the experiment store fails (the defaults then apply). */
export async function treatmentFor(deps: DialogDeps, context: TurnContext, session: ConversationSession): Promise<Treatment | null> {
  const experiments = deps.services.experiments;
  const profile = session.profile;
  if (!experiments || !profile) return null;
  try {
    return await experiments.treatmentFor({
      conversationId: context.activity.conversation.id, customerId: profile.customerId, segment: profile.segment,
      personalization: profile.consent.personalization,
    });
  } catch {
    return null;
  }
}

/** The profile as the variant presents it: its tone and strategy replace the persona's where it sets them. */
export function treatedProfile(profile: CustomerProfile | null, treatment: Treatment | null): CustomerProfile | null {
  if (!profile || !treatment) return profile;
  return {
    ...profile,
    persona: { ...profile.persona, tone: treatment.tone ?? profile.persona.tone, strategy: treatment.strategy ?? profile.persona.strategy },
  };
}
