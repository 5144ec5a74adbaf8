// CPU time of this process's main thread alone, which process.cpuUsage() cannot give (it sums every thread: workers,
// zlib's and libuv's pool, V8's helpers). What stays on the main thread sets how fast a run can get on many cores.
import { readFileSync } from 'node:fs';

/** Linux reports a thread's times in clock ticks of 1/100 s (USER_HZ, the same on every architecture Node runs on). */
const TICKS_PER_SECOND = 100;

/** Seconds of CPU the main thread has used so far (user and system), or undefined where /proc is not there. */
export function mainThreadCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, so it is skipped by its closing parenthesis): utime is the
    // 14th field of the line and stime the 15th, the 12th and 13th after ") ".
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
