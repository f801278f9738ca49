import { ApiError } from '../../shared/api/envelope';
import { MediaError } from '../media/media-error';
import { ModelError } from '../pose/model-store';

// A CLI command is data the dispatcher loops over: the help text lists exactly the registered
// commands, so `--help` never advertises something that does not work.
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Progress line rewritten in place on a TTY, plain lines otherwise. */
  progress: (text: string) => void;
  /** Aborted on Ctrl-C: long commands stop their workers and ffmpeg children. */
  signal: AbortSignal;
}

export interface CliContext {
  /** Lab folder resolved from --lab, GAITLAB_LAB or the per-user default. */
  labDir: string;
  io: CliIo;
}

export interface CliCommand {
  name: string;
  /** One line for `gaitlab --help`. */
  summary: string;
  /** Full usage, printed by `gaitlab <name> --help`. */
  usage: string;
  /** Returns the process exit code. argv excludes the command name and global options. */
  run: (argv: string[], ctx: CliContext) => Promise<number>;
}

/** Error whose message is shown to the user as-is (no stack): bad input, missing file. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * An error written for the user, printed without a stack: bad input, a video that cannot be read,
 * missing models, a service's refusal or failure (an analysis that failed, a flash not found).
 */
export function isForTheUser(err: unknown): err is Error {
  return (
    err instanceof UserError ||
    err instanceof MediaError ||
    err instanceof ModelError ||
    (err instanceof ApiError && err.code !== 'unauthorized') ||
    (err instanceof Error && err.name === 'UserError')
  );
}
