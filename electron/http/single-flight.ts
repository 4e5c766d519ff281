import { abortable } from './abortable';

/**
 * One task shared by every caller that asks while it is under way (one token
 * request, one browser sign-in). Each caller may stop waiting with its own
 * signal; the task itself runs on for the others.
 */
export class SingleFlight<T> {
  private current: Promise<T> | null = null;

  run(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    if (!this.current) {
      const flight: Promise<T> = task().finally(() => {
        if (this.current === flight) this.current = null;
      });
      this.current = flight;
    }
    return abortable(this.current, signal);
  }

  /** The next run starts a new task even if the current one never settles (a browser tab the admin closed). */
  abandon(): void {
    this.current = null;
  }
}
