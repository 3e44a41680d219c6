export interface EventuallyOptions {
  /** How long the assertion may keep failing: a generous bound, since tests check what happens, not how fast. */
  timeoutMs?: number;
  /** The pause between two tries. */
  intervalMs?: number;
}

/**
 * Runs `assertion` until it passes (returns without throwing) and gives back what it returned; once `timeoutMs` has
 * passed, throws its last failure. For waits on something that happens in the background (a sweep finishing, an
 * event arriving, a server coming back) instead of a fixed sleep.
 */
export async function eventually<T>(
  assertion: () => T | Promise<T>,
  { timeoutMs = 30_000, intervalMs = 50 }: EventuallyOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let tries = 1; ; tries++) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() >= deadline) {
        if (error instanceof Error) {
          error.message = `still failing after ${timeoutMs} ms (${tries} tries): ${error.message}`;
        }
        throw error;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
