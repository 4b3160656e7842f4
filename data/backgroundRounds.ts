/**
 * Housekeeping that runs in the background on both stores (retention): a first round a minute after start, then
 * every `everyMs`; never two rounds at once; timers unref'd (they never keep the process alive); stop() waits for
 * a round in progress.
 */
export function startBackgroundRounds(round: () => Promise<void>, everyMs: number, firstAfterMs = 60_000): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const run = () => {
    if (running) return;
    running = round().finally(() => { running = undefined; });
  };
  const first = setTimeout(run, firstAfterMs);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return {
    stop: async () => {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
