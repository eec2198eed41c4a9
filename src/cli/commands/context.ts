// STUB — the owner of this command replaces it.
import type { Command } from 'commander';

export function registerContext(program: Command): void {
  void program;
}
