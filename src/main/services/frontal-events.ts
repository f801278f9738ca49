// A frontal (or posterior) camera sees the patient walk towards or away from it: it cannot tell
// when a foot lands, but it is the only view of hip abduction, pelvic obliquity and knee valgus.
// So its analysis takes the gait events of the trial's side cameras, moved onto its own frames
// through the clock all cameras of a trial share (each video's start offset from the capture or
// the sync step: video time t of a camera shows reference time t + startOffsetMs).
import type { TrialAnalysisView } from '../../shared/api/analysis-types';
import { farLegs } from '../../shared/far-legs';
import type { GaitEvent } from '../gait/types';

export interface TimedView {
  view: TrialAnalysisView;
  startOffsetMs: number;
}

export interface CameraFrames {
  startOffsetMs: number;
  /** Video time of the camera's first analysed frame, s. */
  startTimeS: number;
  rateHz: number;
  frameCount: number;
}

export const isFrontalCamera = (camera: string): boolean => camera === 'frontal' || camera === 'posterior';

/**
 * Each leg's events from the side camera that saw it as the near leg (else any analysed side
 * camera), at the target camera's (fractional) frames; events outside its video are dropped.
 */
export function eventsForCamera(sideViews: readonly TimedView[], target: CameraFrames): GaitEvent[] {
  const side = sideViews.filter((s) => s.view.status === 'analysed' && s.view.view === 'sagittal');
  const out: GaitEvent[] = [];
  for (const leg of ['left', 'right'] as const) {
    const from = side.find((s) => !farLegs(s.view).includes(leg)) ?? side[0];
    if (!from) continue;
    for (const e of from.view.events.filter((x) => x.side === leg)) {
      const referenceS = e.timeS + from.startOffsetMs / 1000;
      const frame = (referenceS - target.startOffsetMs / 1000 - target.startTimeS) * target.rateHz;
      if (frame >= 0 && frame <= target.frameCount - 1)
        out.push({ side: leg, kind: e.kind, frame, source: e.source });
    }
  }
  return out.sort((a, b) => a.frame - b.frame);
}
