import { describe, expect, it } from 'vitest';
import { mainThreadCpuSeconds } from './thread-cpu.js';

describe('mainThreadCpuSeconds', () => {
  it.skipIf(process.platform !== 'linux')(
    'counts the CPU this thread burns (Linux)',
    () => {
      const before = mainThreadCpuSeconds()!;
      const cpu = process.cpuUsage();
      let spin = 0;
      // Burns 50 ms of CPU on this thread, measured as CPU (not wall) time so that a loaded machine cannot fail it.
      while (process.cpuUsage(cpu).user < 50_000) spin += 1;
      expect(spin).toBeGreaterThan(0);
      expect(mainThreadCpuSeconds()! - before).toBeGreaterThanOrEqual(0.03);
    },
    60_000,
  );
});
