import { progress } from './log';

interface Closer {
  name: string;
  close: () => Promise<void>;
}

/**
 * Everything the benchmark starts (PostgreSQL, servers, databases, temporary directories) registers
 * how to undo it here; they are undone last-in first-out, on success, failure or Ctrl-C alike.
 */
export class Cleanup {
  private readonly closers: Closer[] = [];
  /** Process groups of children still running: killed synchronously if the process exits abruptly. */
  readonly childGroups = new Set<number>();

  add(name: string, close: () => Promise<void>): () => Promise<void> {
    const closer = { name, close };
    this.closers.push(closer);
    return async () => {
      const index = this.closers.indexOf(closer);
      if (index < 0) return;
      this.closers.splice(index, 1);
      await close();
    };
  }

  async runAll(): Promise<void> {
    while (this.closers.length > 0) {
      const closer = this.closers.pop()!;
      try {
        await withTimeout(closer.close(), 60_000, closer.name);
      } catch (error) {
        progress(`Clean-up of ${closer.name} failed: ${(error as Error).message}`);
      }
    }
  }

  /** Last resort on exit: no child outlives the benchmark. */
  killChildrenNow(): void {
    for (const group of this.childGroups) {
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    this.childGroups.clear();
  }
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms / 1000} s`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
