/** Says why a value failed a zod schema, by its first problem: "lines.0.quantity: must be a whole number". */
import type { z } from 'zod';

/** `root` names the whole value when the problem is not inside it (an empty path). */
export function firstIssue(error: z.ZodError, root = '(root)'): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : root;
  return `${where}: ${issue?.message}`;
}
