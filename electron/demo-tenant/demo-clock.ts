/**
 * The demo tenant's time: starts at the tenant's start time and runs at `speed`
 * times real time (0 freezes it, for tests that move it with advance()).
 */
export class DemoClock {
  private anchorDemo: number;
  private anchorReal: number;
  private speed: number;
  private readonly listeners = new Set<() => void>();

  constructor(
    start: number,
    speed = 1,
    private readonly realNow: () => number = Date.now,
  ) {
    this.anchorDemo = start;
    this.anchorReal = realNow();
    this.speed = speed;
  }

  now(): number {
    return this.anchorDemo + (this.realNow() - this.anchorReal) * this.speed;
  }

  getSpeed(): number {
    return this.speed;
  }

  setSpeed(speed: number): void {
    if (!Number.isFinite(speed) || speed < 0) throw new RangeError('speed must be a number >= 0');
    this.anchorDemo = this.now();
    this.anchorReal = this.realNow();
    this.speed = speed;
    this.notify();
  }

  /** Puts the clock back where a previous run left it: at `demoTime`, running at `speed` from now on. */
  resume(demoTime: number, speed: number): void {
    if (!Number.isFinite(demoTime)) throw new RangeError('demoTime must be a finite time');
    if (!Number.isFinite(speed) || speed < 0) throw new RangeError('speed must be a number >= 0');
    this.anchorDemo = demoTime;
    this.anchorReal = this.realNow();
    this.speed = speed;
    this.notify();
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advance takes a duration >= 0 ms');
    this.anchorDemo += ms;
    this.notify();
  }

  /** Called whenever time jumps (advance, speed change), so open event streams push at once. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
