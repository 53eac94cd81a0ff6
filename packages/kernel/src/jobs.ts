/**
 * Periodic background jobs. Each node runs the loop; jobs that must run on one node at a time
 * take a PostgreSQL advisory lock inside (nothing here is shared through process memory).
 */
export class JobRunner {
  private timers = new Map<string, NodeJS.Timeout>();
  private running = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(private readonly onError: (job: string, err: unknown) => void) {}

  every(name: string, intervalMs: number, fn: () => Promise<unknown>): void {
    const tick = () => {
      if (this.stopped) return;
      const p = fn().catch((err) => this.onError(name, err)).finally(() => {
        this.running.delete(p);
        if (!this.stopped) this.timers.set(name, setTimeout(tick, intervalMs).unref());
      });
      this.running.add(p);
    };
    this.timers.set(name, setTimeout(tick, intervalMs).unref());
  }

  /** stops scheduling and waits for jobs in flight */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    await Promise.allSettled([...this.running]);
  }
}
