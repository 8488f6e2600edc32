import { watch } from 'node:fs';
import { isRuleFileName } from './names';

/** A running directory watch. */
export interface RuleDirWatch {
  close(): void;
}

/**
 * Watches a rules directory and, after `debounceMs` without further change, calls `onChange`
 * with the rule files that changed (null when the platform did not say which). Temp files and
 * other names are ignored; a change during `onChange` is reported after it.
 */
export function watchRuleDir(dir: string, opts: { debounceMs: number; onChange: (names: string[] | null) => Promise<void> }): RuleDirWatch {
  let timer: NodeJS.Timeout | null = null;
  let changed: Set<string> | null = new Set();
  let running: Promise<void> = Promise.resolve();
  const fire = () => {
    timer = null;
    const names = changed === null ? null : [...changed];
    changed = new Set();
    running = running.then(() => opts.onChange(names)).catch(() => undefined);
  };
  const watcher = watch(dir, (_event, file) => {
    if (file !== null && !isRuleFileName(String(file))) return;
    if (file === null) changed = null;
    else changed?.add(String(file));
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(fire, opts.debounceMs);
  });
  watcher.on('error', () => undefined);
  return {
    close() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      watcher.close();
    },
  };
}
