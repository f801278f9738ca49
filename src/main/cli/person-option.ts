// The CLI's way to point at the patient when several people are in view: a box in video pixels
// around them at one frame, as `x0,y0,x1,y1[@frame]` (the box drawn by `gaitlab pose --overlay`).
import type { PersonChoice } from '../../shared/api/analysis-types';
import { UserError } from './command';

export function parsePersonBox(text: string, flag = '--person-box'): PersonChoice {
  const [coords, frameText] = text.split('@');
  const v = (coords ?? '').split(',').map(Number);
  const frame = frameText === undefined ? 0 : Number(frameText);
  if (v.length !== 4 || v.some((x) => !Number.isFinite(x)) || !Number.isInteger(frame) || frame < 0)
    throw new UserError(`${flag} must be x0,y0,x1,y1[@frame] in video pixels, got "${text}"`);
  const [x0, y0, x1, y1] = v as [number, number, number, number];
  if (!(x1 > x0 && y1 > y0))
    throw new UserError(`${flag}: x1 must be greater than x0 and y1 greater than y0, got "${text}"`);
  return { box: { x0, y0, x1, y1 }, frame };
}
