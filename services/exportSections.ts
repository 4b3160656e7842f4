/**
 * What a data export adds beyond the core stores: each feature that keeps data about a customer (campaign
 * deliveries, experiment exposures) registers a named section where it is built, so "send me my data" lists
 * everything the bot holds without the privacy service knowing every feature.
 */
export type ExportSection = (customerId: string) => Promise<unknown>;

export class ExportSections {
  private readonly sections = new Map<string, ExportSection>();

  add(name: string, section: ExportSection): void {
    this.sections.set(name, section);
  }

  async collect(customerId: string): Promise<Record<string, unknown>> {
    const entries = await Promise.all([...this.sections].map(async ([name, section]) => [name, await section(customerId)] as const));
    return Object.fromEntries(entries);
  }
}
