/** The part of the app's logger the review layer uses (the bot layer's Logger satisfies it). */
export interface ReviewLogger {
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}
