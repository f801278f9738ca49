// A full disk, said as such: Node's "ENOSPC: no space left on device, write" and SQLite's "database
// or disk is full" mean little at the bedside, and the remedy (free some space) is the user's.
import { ApiError } from '../../shared/api/envelope';

export function isDiskFull(err: unknown): boolean {
  const e = err as { code?: unknown; errcode?: unknown; message?: unknown } | null;
  return (
    e?.code === 'ENOSPC' ||
    e?.errcode === 13 || // SQLITE_FULL
    /no space left on device|database or disk is full/i.test(String(e?.message ?? ''))
  );
}

/** `what` could not be written: printed as it is (no stack), the work resumes once there is room. */
export class DiskFullError extends Error {
  constructor(what: string, where: string) {
    super(
      `The disk is full: ${what} could not be saved (in ${where}). Free some space on that disk and run it again: it resumes where it stopped.`,
    );
    this.name = 'UserError';
  }
}

/** A write into the lab folder that found its disk full: `detail` says what was not saved and what to do. */
export function labDiskFullError(detail: string): ApiError {
  return new ApiError({ code: 'failed', message: `The disk holding the lab folder is full: ${detail}` });
}
