/** Progress lines while the benchmark runs: elapsed time first, so a slow step shows. */
const started = Date.now();

export function progress(message: string): void {
  const elapsed = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  process.stdout.write(`[${elapsed} s] ${message}\n`);
}

export function elapsedSeconds(): number {
  return (Date.now() - started) / 1000;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
