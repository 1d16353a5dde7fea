/** Delay before a failed batch is delivered again: 100 ms doubling up to 2 s. */
export function redeliveryDelayMs(failedAttempts: number): number {
  return Math.min(2_000, 100 * 2 ** Math.max(0, failedAttempts - 1));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
