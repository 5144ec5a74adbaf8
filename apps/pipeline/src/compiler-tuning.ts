// V8's optimising compiler tuned for a batch run, by the command only (a library must not change the process's flags).
import { setFlagsFromString } from 'node:v8';

/**
 * The most bytecode TurboFan inlines into one function it optimises (V8's default is 920). A run is mostly code seen
 * for the first time: V8's helper threads spent about a third of a corpus run's CPU compiling, large functions several
 * times over after deoptimisations, on a machine where those threads share two cores with the run itself. With 200,
 * alternating runs on the shared corpus used 13 % less CPU and 8 % less time, and extraction once warm was no slower
 * (docs/performance.md).
 */
export const INLINED_BYTECODE_PER_FUNCTION = 200;

/** Sets the compiler's flags for the rest of the process (worker threads included: V8's flags are process-wide). */
export function tuneCompilerForBatchRun(): void {
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_PER_FUNCTION}`);
}
