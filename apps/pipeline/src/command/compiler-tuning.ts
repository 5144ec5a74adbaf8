// V8's optimising compiler tuned for a batch run, by the command only (a library must not change the process's flags).
import { setFlagsFromString } from 'node:v8';

/**
 * A run is mostly code seen for the first time, on a machine where V8's compiler threads share the cores with the run
 * itself: on the shared corpus they spent about a third of the run's CPU, compiling large functions (several times
 * over, after deoptimisations) and code that runs in one short burst (loading modules, decoding fonts). The measures
 * behind each value are in docs/performance.md.
 */
export const COMPILER_FLAGS = {
  /**
   * The most bytecode TurboFan inlines into one function it optimises (V8: 920). With 200, alternating corpus runs used
   * 13 % less CPU and 8 % less time, and extraction once warm was no slower.
   */
  'max-inlined-bytecode-size-cumulative': 200,
  /**
   * How much a function runs before it is considered for optimisation (V8: 67,584). Short bursts no longer get
   * compiled: with 600,000 a run used 11 % less CPU again, in the same time.
   */
  'interrupt-budget': 600_000,
} as const;

/** Sets the compiler's flags for the rest of the process (worker threads included: V8's flags are process-wide). */
export function tuneCompilerForBatchRun(): void {
  for (const [flag, value] of Object.entries(COMPILER_FLAGS)) setFlagsFromString(`--${flag}=${value}`);
}
