/**
 * The small port the dialogs and the suggestion service read a customer's variant through (no botbuilder here).
 * A treatment is what a variant changes; fields left out keep the persona's own choice.
 */
import type { SurveyTiming, VariantChanges } from '../../domain/experiments';
import type { SegmentSnapshot } from '../../domain/model';

export interface Treatment extends VariantChanges {
  experimentId: string;
  variantId: string;
  /** True when the experiment has ended and this is its rolled-out winner (no exposure is recorded then). */
  rolledOut: boolean;
}

export interface TreatmentSubject {
  conversationId: string;
  /** null for a guest: guests are not assigned (no stable id to hash; see README). */
  customerId: string | null;
  segment: SegmentSnapshot | null;
  /** Customers who opted out of personalisation take part in no experiment. */
  personalization: boolean;
}

export interface ExperimentTreatments {
  /** The variant's changes for this customer, recording the exposure once per experiment and conversation. */
  treatmentFor(subject: TreatmentSubject): Promise<Treatment | null>;
}

export const DEFAULT_SURVEY_TIMING: SurveyTiming = 'after_suggestions';
