/** Runs due campaigns every few seconds in the background: unref'd (never keeps the process alive), stoppable. */
import type { Logger } from '../../logging/logger';

export interface CampaignScheduler {
  /** Resolves once a tick in progress has finished; no tick starts afterwards. */
  stop(): Promise<void>;
}

export function startCampaignScheduler(tick: () => Promise<unknown>, intervalMs: number, log: Logger): CampaignScheduler {
  let running: Promise<void> | null = null;
  let stopped = false;
  const timer = setInterval(() => {
    // A slow tick (a stuck connector) must not pile up overlapping ones.
    if (running || stopped) return;
    running = tick().then(() => undefined, (error: unknown) => log.error('campaign tick failed', { error: error as Error }))
      .finally(() => { running = null; });
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
