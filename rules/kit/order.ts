/**
 * Ordinal string order, for sorting rule ids and problem codes. `localeCompare` builds a collator on first
 * use (about 15 ms at start-up) and is slow per call; for these lowercase ASCII ids both give the same order.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
