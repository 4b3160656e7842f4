/**
 * Everything that must forget a customer after an erasure, besides the stores (which the privacy service erases):
 * conversation state, the recommender index, the segmentation engine. Each builder adds its own hook where it
 * builds the state, so the list lives in one place and no builder refers to one built after it.
 */
export type ErasureHook = (customerId: string, pseudonym: string) => Promise<void>;

export class ErasureHooks {
  private readonly hooks: ErasureHook[] = [];

  add(hook: ErasureHook): void {
    this.hooks.push(hook);
  }

  /** Runs the hooks in the order they were added, one after another. */
  async run(customerId: string, pseudonym: string): Promise<void> {
    for (const hook of this.hooks) await hook(customerId, pseudonym);
  }
}
