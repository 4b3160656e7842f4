import type { Logger } from '../../logging/logger';

/** For tests that exercise code needing a logger but assert nothing about what it logs. */
export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
