// Whether two files hold the same bytes. Two cameras never record the same file, so a video
// imported into a trial that already holds it is a mistake (the same file picked twice); read as
// two cameras it would give the trial a second view that is the first one again.
import { open, stat } from 'node:fs/promises';

const CHUNK_BYTES = 1 << 20;

/** True when both files exist with equal size and content; stops at the first difference. */
export async function sameBytes(pathA: string, pathB: string): Promise<boolean> {
  const [a, b] = await Promise.all([stat(pathA), stat(pathB)]);
  if (a.size !== b.size) return false;
  const [fa, fb] = await Promise.all([open(pathA, 'r'), open(pathB, 'r')]);
  try {
    const bufA = Buffer.alloc(CHUNK_BYTES);
    const bufB = Buffer.alloc(CHUNK_BYTES);
    for (let offset = 0; offset < a.size; offset += CHUNK_BYTES) {
      const [ra, rb] = await Promise.all([
        fa.read(bufA, 0, CHUNK_BYTES, offset),
        fb.read(bufB, 0, CHUNK_BYTES, offset),
      ]);
      if (ra.bytesRead !== rb.bytesRead) return false;
      if (!bufA.subarray(0, ra.bytesRead).equals(bufB.subarray(0, rb.bytesRead))) return false;
      if (ra.bytesRead === 0) break;
    }
    return true;
  } finally {
    await Promise.all([fa.close(), fb.close()]);
  }
}
