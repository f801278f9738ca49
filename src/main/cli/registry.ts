// Every command the CLI offers. A command is listed here only once it works end to end.
import type { CliCommand } from './command';
import { serveCommand } from './commands/serve';
import { patientsCommand, sessionsCommand, trialsCommand } from './commands/records';
import { analyzeCommand } from './commands/analyze';
import { poseCommand } from './commands/pose';
import { reportCommand } from './commands/report';
import { normativeCommand } from './commands/normative';
import { calibrationCommand } from './commands/calibration';

export const COMMANDS: CliCommand[] = [
  serveCommand,
  patientsCommand,
  sessionsCommand,
  trialsCommand,
  calibrationCommand,
  poseCommand,
  analyzeCommand,
  reportCommand,
  normativeCommand,
];
