// Formatting shared by the handoff pages.

// The shopper is told the first 8 characters of the handoff id (dialogs/interruptions.ts).
export const reference = (id) => id.slice(0, 8).toUpperCase();

/** 75 -> "1 min", 3700 -> "1 h 1 min", 20 -> "under a minute". */
export function formatWaiting(seconds) {
  if (seconds < 60) return 'under a minute';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
