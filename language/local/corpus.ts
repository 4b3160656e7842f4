/** The versioned utterance corpus (JSON lines `{"text","intent"}`, optional "entities"), validated on load. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { EntitiesSchema, IntentSchema } from '../types';

/** Expected entities of a labelled line: only the keys given are checked (no defaults filled in). */
const ExpectedEntitiesSchema = EntitiesSchema.extend({
  categories: z.array(z.string()).optional(),
  keywords: z.array(z.string()).optional(),
}).partial();

export const LabelledUtteranceSchema = z.object({
  text: z.string().min(1),
  intent: IntentSchema,
  entities: ExpectedEntitiesSchema.optional(),
});
export type LabelledUtterance = z.infer<typeof LabelledUtteranceSchema>;

export const TRAINING_CORPUS_PATH = join(__dirname, '..', 'corpus', 'train.jsonl');
/** Broader paraphrases (indirect requests, problem statements, complaints, out-of-scope questions), own wording. */
export const AUGMENTATION_CORPUS_PATH = join(__dirname, '..', 'corpus', 'augment.jsonl');
/** Second round (issue 15): own wording per intent and generic out-of-scope requests, written without looking at any held-out set's errors. */
export const AUGMENTATION_2_CORPUS_PATH = join(__dirname, '..', 'corpus', 'augment2.jsonl');
/** Third round: own wording for what the development sets (realstyle2/3) showed: "shut up/stop" commands,
 * out-of-scope chat, posts and complaints to other companies, banking/hotel/device requests. */
export const AUGMENTATION_3_CORPUS_PATH = join(__dirname, '..', 'corpus', 'augment3.jsonl');
/** Fourth round: asking about one shown item by its place ("tell me more about the second one"), own wording. */
export const AUGMENTATION_4_CORPUS_PATH = join(__dirname, '..', 'corpus', 'augment4.jsonl');

/** Parses JSON lines; a bad line fails loudly with its line number. */
export function parseCorpus(jsonLines: string, source: string): LabelledUtterance[] {
  const utterances: LabelledUtterance[] = [];
  jsonLines.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`${source}:${index + 1}: not valid JSON`);
    }
    const parsed = LabelledUtteranceSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${source}:${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    utterances.push(parsed.data);
  });
  return utterances;
}

/** The training corpus: by default the base corpus plus its augmentation. */
export function loadCorpus(paths: readonly string[] = [TRAINING_CORPUS_PATH, AUGMENTATION_CORPUS_PATH, AUGMENTATION_2_CORPUS_PATH, AUGMENTATION_3_CORPUS_PATH, AUGMENTATION_4_CORPUS_PATH]): LabelledUtterance[] {
  return paths.flatMap((path) => parseCorpus(readFileSync(path, 'utf8'), path));
}
