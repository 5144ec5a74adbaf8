// How long each stage of a run took, measured around the stages rather than inside their loops. Stages pull from one
// another (writing pulls from extraction, which pulls from reading), so each stage's time is its own: what a stage it
// pulls from takes is counted there, not twice.

export type Stage = 'read' | 'extract' | 'write' | 'briefing' | 'workbook';

interface Frame {
  stage: Stage;
  started: number;
  /** Time spent in stages called from this one, to be left out of its own. */
  nested: number;
}

export class StageTimer {
  private readonly milliseconds: Record<Stage, number> = { read: 0, extract: 0, write: 0, briefing: 0, workbook: 0 };
  private readonly frames: Frame[] = [];

  /** `now` in milliseconds; a test passes its own clock. */
  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Yields what `source` yields, adding the time spent producing each item to `stage`. */
  async *timed<T>(stage: Stage, source: AsyncIterable<T>): AsyncGenerator<T> {
    const iterator = source[Symbol.asyncIterator]();
    for (;;) {
      const next = await this.time(stage, () => iterator.next());
      if (next.done) return;
      yield next.value;
    }
  }

  /** Runs `work`, adding its time (less that of the stages it calls) to `stage`. */
  async time<T>(stage: Stage, work: () => Promise<T>): Promise<T> {
    const frame: Frame = { stage, started: this.now(), nested: 0 };
    this.frames.push(frame);
    try {
      return await work();
    } finally {
      this.frames.pop();
      const elapsed = this.now() - frame.started;
      this.milliseconds[stage] += elapsed - frame.nested;
      const parent = this.frames[this.frames.length - 1];
      if (parent) parent.nested += elapsed;
    }
  }

  /** Seconds per stage, to the millisecond. */
  seconds(): Record<Stage, number> {
    return Object.fromEntries(Object.entries(this.milliseconds).map(([stage, ms]) => [stage, Math.round(ms) / 1000])) as Record<Stage, number>;
  }
}
