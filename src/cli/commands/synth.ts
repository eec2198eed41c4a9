// STUB — the owner of this command replaces it.
import type { Command } from 'commander';

export function registerSynth(program: Command): void {
  void program;
}
