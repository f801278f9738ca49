// `--overlay-frames`: the frames whose overlay images to write. `low` names the frames the pose
// flagged below its confidence threshold, the ones a reviewer looks at; numbers and ranges are the
// pose CSV's frame column (0-based).
import { UserError } from './command';

/** More frames than any recording holds (an hour at 240 frames/s): a typing slip, not a choice. */
const MOST_FRAMES = 1_000_000;

export type FrameChoice = { kind: 'low' } | { kind: 'frames'; frames: number[] };

export function parseFrameChoice(text: string): FrameChoice {
  if (text.trim().toLowerCase() === 'low') return { kind: 'low' };
  const refuse = (): never => {
    throw new UserError(
      `--overlay-frames: give low (the frames flagged below --min-confidence) or frame numbers and ranges counted from 0, like 40,80-90; "${text}" is not that.`,
    );
  };
  const frames = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!m) return refuse();
    const from = Number(m[1]);
    const to = m[2] !== undefined ? Number(m[2]) : from;
    if (to < from || to - from >= MOST_FRAMES) return refuse();
    for (let f = from; f <= to; f++) frames.add(f);
  }
  return { kind: 'frames', frames: [...frames].sort((a, b) => a - b) };
}

/** Refuses frames past the video's last (frame numbers count from 0). */
export function refuseFramesBeyond(frames: readonly number[], frameCount: number): void {
  const beyond = frames.find((f) => f >= frameCount);
  if (beyond !== undefined)
    throw new UserError(
      `--overlay-frames: the video's frames are 0 to ${frameCount - 1}; it has no frame ${beyond}.`,
    );
}
