/**
 * The reader's tags for completion in the page, asked of the background the
 * first time a tags field is focused, and kept in the content script's own
 * world (never in the page's DOM). Tags saved since are added in front.
 */
export class TagSource {
  private asked: Promise<string[]> | null = null;
  private recent: string[] = [];

  /** @param fetchTags asks the background (a test seam). */
  constructor(private readonly fetchTags: () => Promise<string[]>) {}

  /** The reader's tags, most recently saved then most used first, each once (ignoring case). */
  readonly get = async (): Promise<string[]> => {
    this.asked ??= this.fetchTags().catch(() => {
      this.asked = null; // ask again next time
      return [];
    });
    const all = [...this.recent, ...(await this.asked)];
    const seen = new Set<string>();
    return all.filter((t) => !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
  };

  /** Notes tags the reader just saved, so they complete at once. */
  learn(tags: readonly string[]): void {
    this.recent = [...tags, ...this.recent];
  }
}
