// STUB — the owner of this command replaces it.
import type { Command } from 'commander';

export function registerEval(program: Command): void {
  void program;
}
