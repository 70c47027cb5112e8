import { readFile } from 'node:fs/promises';

/**
 * Samples a child's peak resident memory (VmHWM, which only grows) every 50 ms until stopped;
 * returns the last figure read, in MB.
 */
export function watchPeakRss(pid: number) {
  let peakKb = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const status = await readFile(`/proc/${pid}/status`, 'utf8');
        const match = /VmHWM:\s+(\d+) kB/.exec(status);
        if (match) peakKb = Math.max(peakKb, Number(match[1]));
      } catch {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return peakKb / 1024;
    },
  };
}
