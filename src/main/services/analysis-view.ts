// Turns the gait module's result into the JSON the UI and reports read (typed arrays to plain
// arrays, NaN to null), and adds what the trial knows: camera, video, pose provenance.
import type { GaitAnalysis } from '../gait/analyse';
import { eventTimeS } from '../gait/gait-events';
import { SPATIOTEMPORAL_KEYS, SPATIOTEMPORAL_UNITS } from '../gait/spatiotemporal';
import type { TrialAnalysisView } from '../../shared/api/analysis-types';
import type { PictureTurnDeg } from '../../shared/picture-fix';

const num = (v: number | undefined): number | null => (v === undefined || !Number.isFinite(v) ? null : v);
const arr = (a: ArrayLike<number>): Array<number | null> => Array.from(a, (v) => num(v));

export interface ViewContext {
  trialId: string;
  camera: string;
  videoRelativePath: string;
  lowConfidenceFrames: number[];
  eventsEditedByHand: boolean;
  provenance: TrialAnalysisView['provenance'];
  /** What the pose track itself has to say (frames the camera dropped), added to the warnings. */
  notes?: string[];
}

export function analysisToView(a: GaitAnalysis, c: ViewContext): TrialAnalysisView {
  const params = SPATIOTEMPORAL_KEYS;
  return {
    trialId: c.trialId,
    camera: c.camera,
    status: 'analysed',
    message: '',
    fps: a.rateHz,
    frameCount: a.frameCount,
    startTimeS: a.startTimeS,
    view: a.view,
    mode: a.mode,
    beltSpeedMps: a.treadmillBeltSpeedMps,
    passes: a.passes.map((p) => ({
      index: p.index,
      startFrame: p.startFrame,
      endFrame: p.endFrame,
      direction: p.direction,
    })),
    events: a.events.map((e) => ({
      side: e.side,
      kind: e.kind,
      frame: e.frame,
      timeS: eventTimeS(e, a.rateHz, a.startTimeS),
      source: e.source,
    })),
    eventsEditedByHand: c.eventsEditedByHand,
    cycles: a.cycles.map((cy) => ({
      side: cy.side,
      index: cy.index,
      startFrame: cy.startFrame,
      endFrame: cy.endFrame,
      footOffFrame: num(cy.footOffFrame),
      durationS: cy.durationS,
      flags: [...cy.flags],
      excluded: cy.excluded,
      excludedByUser: cy.flags.includes('excluded-by-user'),
    })),
    curves: a.curves.map((cv) => ({
      variable: cv.variable,
      label: cv.label,
      side: cv.side,
      view: cv.view,
      landmarks: [...cv.landmarks],
      unit: 'deg',
      percent: [...cv.percent],
      mean: arr(cv.mean),
      sd: arr(cv.sd),
      cycles: cv.cycles.map((k) => ({
        cycleIndex: k.cycleIndex,
        excluded: k.excluded,
        values: arr(k.values),
      })),
      includedCycles: cv.includedCycles,
      farSide: cv.farSide,
    })),
    angles: a.angles.map((s) => ({
      variable: s.variable,
      side: s.side,
      view: s.view,
      unit: 'deg',
      values: arr(s.values),
    })),
    parameters: params.map((p) => {
      const l = a.spatiotemporal.bySide.left[p];
      const r = a.spatiotemporal.bySide.right[p];
      return {
        parameter: p,
        unit: SPATIOTEMPORAL_UNITS[p],
        // One cycle has no spread: its SD is not 0 but undefined.
        left: { mean: num(l.mean), sd: l.n > 1 ? num(l.sd) : null, n: l.n },
        right: { mean: num(r.mean), sd: r.n > 1 ? num(r.sd) : null, n: r.n },
        asymmetryPct: num(a.spatiotemporal.asymmetryPct[p] ?? undefined),
      };
    }),
    scale: a.scale
      ? { metresPerUnit: a.scale.metresPerUnit, method: a.scale.method, description: a.scale.description }
      : null,
    // Frames where a leg was set aside as heaped up, the pose set aside as doubted mid-walk or on a
    // damaged picture, or the pelvis or a foot lost mid-walk, are as unreliable as those below the
    // confidence threshold.
    lowConfidenceFrames: [
      ...new Set([
        ...c.lowConfidenceFrames,
        ...a.collapsedLegFrames.left,
        ...a.collapsedLegFrames.right,
        ...a.walkGapFrames,
        ...a.doubtedPoseFrames,
        ...a.damagedPictureFrames,
      ]),
    ].sort((x, y) => x - y),
    walkGapFrames: a.walkGapFrames,
    viewDoubt: a.viewDoubt,
    warnings: [...(c.notes ?? []), ...a.warnings],
    videoRelativePath: c.videoRelativePath,
    // The event method as it ran on this trial (contact placement depends on the data).
    provenance: { ...c.provenance, eventMethod: a.eventMethod },
  };
}

export function failedView(
  c: ViewContext,
  message: string,
  why: { pictureTurnDeg?: PictureTurnDeg | undefined } = {},
): TrialAnalysisView {
  return {
    ...(why.pictureTurnDeg ? { pictureTurnDeg: why.pictureTurnDeg } : {}),
    trialId: c.trialId,
    camera: c.camera,
    status: 'failed',
    message,
    fps: 0,
    frameCount: 0,
    startTimeS: 0,
    view: '',
    mode: null,
    beltSpeedMps: null,
    passes: [],
    events: [],
    eventsEditedByHand: c.eventsEditedByHand,
    cycles: [],
    curves: [],
    angles: [],
    parameters: [],
    scale: null,
    lowConfidenceFrames: c.lowConfidenceFrames,
    warnings: [...(c.notes ?? [])],
    videoRelativePath: c.videoRelativePath,
    provenance: c.provenance,
  };
}
