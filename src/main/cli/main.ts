// `gaitlab` entry: global options, then one registered command.
import { resolveLabDir } from '../store/lab-folder';
import { isForTheUser } from './command';
import { poseWorkersSetting } from '../pose/worker-budget';
import { processIo } from './io';
import { COMMANDS } from './registry';
import { APP_VERSION } from '../services/app-version';

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `GaitLab ${APP_VERSION}: markerless clinical gait analysis`,
    '',
    'Usage: gaitlab [--lab DIR] <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    '  --lab DIR    lab folder (default: $GAITLAB_LAB, else ~/GaitLab)',
    '  --help       this help; gaitlab <command> --help for a command',
    '  --version    print the version',
  ].join('\n');
}

export async function runCli(args: string[]): Promise<number> {
  const controller = new AbortController();
  const io = processIo(controller.signal);
  let lab: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--lab') {
      lab = args[++i];
      if (!lab) {
        io.err('--lab needs a folder.');
        return 2;
      }
    } else if (a.startsWith('--lab=')) lab = a.slice(6);
    else rest.push(a);
  }
  const [name, ...commandArgs] = rest;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.out(APP_VERSION);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  if (commandArgs.includes('--help') || commandArgs.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  // Said before any work: a wrong value would otherwise run on the default unnoticed.
  const workers = poseWorkersSetting();
  if (workers.error) {
    io.err(`gaitlab: ${workers.error}`);
    return 2;
  }
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await command.run(commandArgs, { labDir: resolveLabDir(lab), io });
  } catch (err) {
    // A video or model file that cannot be used is the user's to fix: its message says how, and a
    // stack trace would only hide it. (ffmpeg's own exit code and stderr stay on the error object.)
    if (isForTheUser(err)) {
      io.err(`gaitlab ${name}: ${err.message}`);
      return 1;
    }
    if (
      err instanceof Error &&
      err.name === 'TypeError' &&
      /ERR_PARSE_ARGS/.test(String((err as { code?: string }).code))
    ) {
      io.err(`gaitlab ${name}: ${err.message}\n\n${command.usage}`);
      return 2;
    }
    io.err(`gaitlab ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

// Run when loaded as the program (the built out/main/cli.js or bin/gaitlab.mjs).
if (process.env.GAITLAB_CLI_NO_AUTORUN !== '1') {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
