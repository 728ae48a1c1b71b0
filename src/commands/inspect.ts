// Placeholder: registers nothing yet (owned by the helper building this command).
import type { Command } from 'commander';
import type { CommandResult } from '../cli.js';

export function registerInspectCommand(_program: Command, _result: CommandResult): void {}
