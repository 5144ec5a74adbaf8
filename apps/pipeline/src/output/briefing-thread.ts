// The run's briefing on a thread of its own: started with the run, so that pdfmake, the fonts and the word segmenter
// load while the records are read and extracted; handed the run's tallies once every record is in, it lays the
// briefing out while the main thread writes the rest (the database, the workbook), and hands back the PDF's bytes.
import { Worker } from 'node:worker_threads';
import {
  BriefingCollector,
  ProgrammeIndex,
  RegionComparison,
  type BriefingRunFacts,
  type CollectorState,
  type ProgrammeIndexState,
  type RegionComparisonState,
} from '@roundup/reports';
import type { BriefingKnowledge, BriefingTallies } from './briefing-input.js';

/**
 * The tallies as the thread receives them: plain data, cloned by postMessage (about 2 MB for the shared corpus, 20 ms;
 * sending every article's digest as it was written instead would clone 35 MB, 0.1–0.25 s of the main thread's time).
 */
export interface BriefingMaterial {
  collector: CollectorState;
  comparison: RegionComparisonState;
  programmes: ProgrammeIndexState | undefined;
  run: BriefingRunFacts;
}

/** The tallies as plain data, to be posted. */
export function briefingMaterial(tallies: BriefingTallies): BriefingMaterial {
  const { collector, comparison, programmes, run } = tallies;
  return { collector: collector.state(), comparison: comparison.state(), programmes: programmes?.state(), run };
}

/** The tallies again, where the material was received. */
export function restoredTallies(material: BriefingMaterial): BriefingTallies {
  return {
    collector: BriefingCollector.fromState(material.collector),
    comparison: RegionComparison.fromState(material.comparison),
    ...(material.programmes ? { programmes: ProgrammeIndex.fromState(material.programmes) } : {}),
    run: material.run,
  };
}

/** What the thread is asked: to load a run's data tables ahead, or to lay out its briefing. */
export type BriefingRequest = { kind: 'prepare'; knowledge: BriefingKnowledge } | { kind: 'lay out'; knowledge: BriefingKnowledge; material: BriefingMaterial };

/** What the thread sends back for a briefing: the PDF's bytes, or why there are none. */
export type BriefingReply = { bytes: Uint8Array } | { error: string };

/**
 * The thread's young generation, smaller than V8's default: a run's peak memory is the main thread's heap and this
 * one's side by side, where the layout once reused the main thread's. With 8 MB the shared corpus's run
 * peaked 24 MB lower (387–391 against 411–415 MB, three alternating runs each) for no more CPU (8.51–9.10 s against
 * 8.61–9.26 s); 4 MB did no better.
 */
const BRIEFING_HEAP = { maxYoungGenerationSizeMb: 8 };

interface PendingBriefing {
  resolve: (bytes: Uint8Array) => void;
  reject: (error: Error) => void;
}

/** The briefing's worker thread, which a process's runs use one after another (BriefingThread is one run's hold on it). */
class SharedBriefingThread {
  /**
   * The thread the last run of this process left ready (its modules, fonts and dictionary loaded, about 1 CPU s in a
   * new thread): a process that runs many times (a test suite, a service) starts it once.
   */
  private static idle: SharedBriefingThread | undefined;
  /** Why the thread stopped, once it has: every later request fails with it. */
  private failure: Error | undefined;
  private pending: PendingBriefing | undefined;
  private reply: Promise<Uint8Array> | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: BriefingReply) => {
      const pending = this.pending;
      this.pending = undefined;
      if ('bytes' in reply) pending?.resolve(reply.bytes);
      else pending?.reject(new Error(`the briefing failed: ${reply.error}`));
    });
    worker.on('error', (error) => this.fail(new Error(`the briefing failed: ${error.message}`)));
    worker.on('exit', (code) => this.fail(new Error(`the briefing's thread stopped (code ${code}) before the briefing was written`)));
  }

  /** The idle thread, or a new one, taken by a run and told to load the data tables its briefing reads. */
  static take(knowledge: BriefingKnowledge): SharedBriefingThread {
    const thread = SharedBriefingThread.idle ?? SharedBriefingThread.started();
    SharedBriefingThread.idle = undefined;
    // While a run has it, the thread keeps the process alive: the run may be waiting for nothing else.
    thread.worker.ref();
    thread.post({ kind: 'prepare', knowledge });
    return thread;
  }

  private static started(): SharedBriefingThread {
    const { script, execArgv } = workerScript();
    return new SharedBriefingThread(new Worker(script, { resourceLimits: BRIEFING_HEAP, ...(execArgv ? { execArgv } : {}) }));
  }

  /** Hands over the run's tallies, complete: the briefing is laid out from here on, beside whatever the run writes next. */
  handOver(knowledge: BriefingKnowledge, tallies: BriefingTallies): void {
    // Waiting from now: the reply may come before the run asks for it.
    this.reply = new Promise<Uint8Array>((resolve, reject) => {
      if (this.failure) reject(this.failure);
      else this.pending = { resolve, reject };
    });
    // A failure is reported when the run asks for the briefing, not as an unhandled rejection before.
    this.reply.catch(() => undefined);
    this.post({ kind: 'lay out', knowledge, material: briefingMaterial(tallies) });
  }

  /** The briefing's PDF, once laid out; the thread is then left for the next run, or ended if it failed. */
  async bytes(): Promise<Uint8Array> {
    try {
      if (!this.reply) throw new Error('the briefing was asked for before the run handed its tallies over');
      const bytes = await this.reply;
      this.reply = undefined;
      // One thread is kept: runs side by side in one process leave the others to end.
      if (SharedBriefingThread.idle) await this.stop();
      else {
        this.worker.unref();
        SharedBriefingThread.idle = this;
      }
      return bytes;
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /** Ends the thread, whatever it is doing: the run has failed or been stopped. */
  async stop(): Promise<void> {
    if (SharedBriefingThread.idle === this) SharedBriefingThread.idle = undefined;
    await this.worker.terminate();
  }

  private post(request: BriefingRequest): void {
    if (!this.failure) this.worker.postMessage(request);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    if (SharedBriefingThread.idle === this) SharedBriefingThread.idle = undefined;
    this.pending?.reject(this.failure);
    this.pending = undefined;
  }
}

/**
 * One run's hold on the briefing's thread. Once the run has its bytes the thread goes back to the process for its next
 * run and this hold lets go of it: stopping the run after that (no articles, `--strict`, a failed publish) must not end
 * a thread that another run of the process may already be using.
 */
export class BriefingThread {
  private released = false;

  private constructor(private readonly thread: SharedBriefingThread) {}

  /** A thread for a run: the process's idle one, or a new one; it loads what the run's briefing needs while the run goes on. */
  static start(knowledge: BriefingKnowledge): BriefingThread {
    return new BriefingThread(SharedBriefingThread.take(knowledge));
  }

  /** Hands over the run's tallies, complete: the briefing is laid out from here on, beside whatever the run writes next. */
  handOver(knowledge: BriefingKnowledge, tallies: BriefingTallies): void {
    this.thread.handOver(knowledge, tallies);
  }

  /** The briefing's PDF, once laid out; the thread then goes back to the process. */
  async bytes(): Promise<Uint8Array> {
    const bytes = await this.thread.bytes();
    this.released = true;
    return bytes;
  }

  /** Ends the thread, whatever it is doing, unless this run has already given it back. */
  async stop(): Promise<void> {
    if (!this.released) await this.thread.stop();
  }
}

/**
 * Where the worker's script is: beside this module once built. Run from the TypeScript sources (the unit tests, whose
 * runner resolves packages to their sources with `--conditions` flags a thread would inherit), the thread takes the
 * built script with no flags, since a worker thread loads JavaScript; `pnpm test` builds first.
 */
function workerScript(): { script: URL; execArgv?: string[] } {
  const script = new URL('./briefing-worker.js', import.meta.url);
  if (!import.meta.url.endsWith('.ts')) return { script };
  return { script: new URL(script.href.replace('/src/', '/dist/')), execArgv: [] };
}
