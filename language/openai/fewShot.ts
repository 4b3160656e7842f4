/** Few-shot examples for the model: utterances spread evenly over each intent's part of the corpus. */
import type { Entities } from '../types';
import type { LabelledUtterance } from '../local/corpus';
import type { FewShotExample } from './prompt';

export function selectFewShotExamples(
  corpus: readonly LabelledUtterance[],
  perIntent: number,
  entitiesOf: (line: LabelledUtterance) => Entities,
): FewShotExample[] {
  const byIntent = new Map<string, LabelledUtterance[]>();
  for (const line of corpus) byIntent.set(line.intent, [...(byIntent.get(line.intent) ?? []), line]);
  const examples: FewShotExample[] = [];
  for (const lines of byIntent.values()) {
    const count = Math.min(perIntent, lines.length);
    for (let i = 0; i < count; i++) {
      const line = lines[Math.floor((i * lines.length) / count)];
      examples.push({ text: line.text, result: { intent: line.intent, score: 1, entities: entitiesOf(line) } });
    }
  }
  return examples;
}
