// Stretches in the middle of a walk where the pelvis or a foot was not tracked: someone passing in
// front of the camera, a walking frame, a chair, or legs the pose model did not see. Too long to
// bridge (gap-fill.ts), they leave the strides across them unmeasured, and a pelvis gap splits one
// walk into two passes: the Sports2D walk with her legs covered for 9 frames gave 2 passes and 2 + 1
// cycles instead of 1 pass and 3 + 3, with nothing said about why.
import { listInWords } from '../../shared/list-in-words';
import type { WalkingPass } from './types';

export type WalkGapPart = 'pelvis' | 'left foot' | 'right foot';

export interface WalkGap {
  /** First untracked frame. */
  startFrame: number;
  /** One past the last untracked frame. */
  endFrame: number;
  parts: WalkGapPart[];
  /** The passes on either side of it go the same way: one walk counted as two passes. */
  splitsPass: boolean;
}

const PARTS: readonly WalkGapPart[] = ['pelvis', 'left foot', 'right foot'];

/** How far (s) a pass may end before a gap, or start after it, and still be the walk it cut. */
const PASS_EDGE_S = 0.5;

/**
 * The stretches longer than `shortestS` (the gap fill's limit: shorter ones are bridged, or a frame
 * or two set aside) where the pelvis or a foot is untracked (`untracked[part][frame]`) in the middle
 * of the walk: walked through before and after, inside one pass or between two going the same way
 * (between passes going opposite ways the subject turned, where no stride is measured anyway). Not
 * where the subject enters or leaves, before or after any pass.
 */
export function walkGaps(
  untracked: Readonly<Record<WalkGapPart, ArrayLike<boolean>>>,
  passes: readonly WalkingPass[],
  rateHz: number,
  shortestS: number,
): WalkGap[] {
  const n = Math.min(...PARTS.map((p) => untracked[p].length));
  const edge = PASS_EDGE_S * rateHz;
  const out: WalkGap[] = [];
  let f = 0;
  while (f < n) {
    if (!PARTS.some((p) => untracked[p][f])) {
      f++;
      continue;
    }
    const start = f;
    const parts = new Set<WalkGapPart>();
    for (; f < n && PARTS.some((p) => untracked[p][f]); f++)
      for (const p of PARTS) if (untracked[p][f]) parts.add(p);
    if (f - start <= shortestS * rateHz || start === 0 || f === n) continue;
    // The pass walked in before the gap, and the one walked in after it.
    const before = [...passes].reverse().find((p) => p.startFrame < start && p.endFrame + edge >= start);
    const after = passes.find((p) => p.endFrame > f && p.startFrame - edge <= f);
    if (!before || !after || before.direction !== after.direction) continue;
    out.push({
      startFrame: start,
      endFrame: f,
      parts: PARTS.filter((p) => parts.has(p)),
      splitsPass: before !== after,
    });
  }
  return out;
}

/** The frames of the gaps, for review to shade with the frames of low pose confidence. */
export function walkGapFrames(gaps: readonly WalkGap[]): number[] {
  return gaps.flatMap((g) => Array.from({ length: g.endFrame - g.startFrame }, (_, i) => g.startFrame + i));
}

/** How the note begins (tests and readers find it by this). */
export const WALK_GAP_NOTE_START = 'Not tracked in the middle of the walk';

/**
 * What the gaps mean for the numbers, and where to look, or null. `filmed`: a pose model's
 * landmarks (else a marker file's markers, hidden from the cameras).
 */
export function walkGapsNote(gaps: readonly WalkGap[], rateHz: number, filmed: boolean): string | null {
  if (gaps.length === 0) return null;
  const where = gaps
    .map(
      (g) =>
        `the ${listInWords(g.parts)} at frames ${g.startFrame}-${g.endFrame - 1} (${((g.endFrame - g.startFrame) / rateHz).toFixed(2)} s)`,
    )
    .join('; ');
  const split = gaps.some((g) => g.splitsPass)
    ? `, and the walk is counted as two passes ${gaps.length === 1 ? 'there' : 'where the pelvis was lost'}`
    : '';
  const why = filmed
    ? 'Hidden by someone or something in front of the camera, or not seen by the pose model'
    : 'Markers hidden from the cameras';
  const look = filmed ? ' Look at the video there (shaded as low confidence).' : '';
  return `${WALK_GAP_NOTE_START}: ${where}. ${why}: the strides across ${gaps.length === 1 ? 'it' : 'them'} are not measured${split}.${look}`;
}
