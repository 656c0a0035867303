// Counts failed attempts per key in a fixed window: a key over its budget is refused until its window ends.

export interface FailureLimiterOptions {
  /** Failures a key may have in one window; the next attempt is refused. */
  maxFailures: number;
  windowMs: number;
  /** Keys held at most; expired ones are dropped first, then the oldest (memory stays bounded). */
  maxKeys?: number;
  now?: () => number;
}

interface Window {
  startedAt: number;
  failures: number;
}

/**
 * For routes where a guess is the attack (a short code as a credential): only failures count, so
 * a room of honest people behind one address is never slowed by its own successes. In-process:
 * with several replicas each keeps its own counts (the budget is per replica).
 */
export class FailureLimiter {
  readonly #windows = new Map<string, Window>();
  readonly #max: number;
  readonly #windowMs: number;
  readonly #maxKeys: number;
  readonly #now: () => number;

  constructor(options: FailureLimiterOptions) {
    this.#max = options.maxFailures;
    this.#windowMs = options.windowMs;
    this.#maxKeys = options.maxKeys ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Admits one attempt of `key` and counts it as a failure until `forgive` says it went well; or,
   * when the key's failures already fill its budget, refuses it with the seconds left. Counting
   * before the outcome is known is what holds under concurrency: a hundred guesses sent at once
   * are admitted only up to the budget, not all of them while the first are still being checked.
   */
  attempt(key: string): number | null {
    const window = this.#live(key);
    if (window !== undefined && window.failures >= this.#max) {
      return Math.max(1, Math.ceil((window.startedAt + this.#windowMs - this.#now()) / 1000));
    }
    if (window !== undefined) {
      window.failures += 1;
      return null;
    }
    if (this.#windows.size >= this.#maxKeys) this.#evict();
    this.#windows.set(key, { startedAt: this.#now(), failures: 1 });
    return null;
  }

  /** The admitted attempt of `key` was not a failure: its count is given back. */
  forgive(key: string): void {
    const window = this.#live(key);
    if (window !== undefined && window.failures > 0) window.failures -= 1;
  }

  #live(key: string): Window | undefined {
    const window = this.#windows.get(key);
    if (window === undefined) return undefined;
    if (this.#now() - window.startedAt < this.#windowMs) return window;
    this.#windows.delete(key);
    return undefined;
  }

  #evict(): void {
    const now = this.#now();
    for (const [key, window] of this.#windows) {
      if (now - window.startedAt >= this.#windowMs) this.#windows.delete(key);
    }
    // Still full: the oldest window goes (Map keeps insertion order).
    if (this.#windows.size >= this.#maxKeys) {
      const oldest = this.#windows.keys().next();
      if (oldest.done !== true) this.#windows.delete(oldest.value);
    }
  }
}
