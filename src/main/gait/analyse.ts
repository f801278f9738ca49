// The whole gait analysis of one trial as a pure function: named trajectories in, events, cycles,
// normalised angle curves and spatiotemporal parameters out, or an error a clinician can act on.
// Re-run with `events` to apply hand corrections; with `cycles.excluded` to drop cycles.

import { ANGLE_LABELS, type AngleSeries, type AngleVariable, type AngleView } from './angles-types';
import { groundAxes, project, toFrontal, toSagittal, type GroundAxes, type Sagittal2D } from './body-frame';
import {
  buildCycles,
  meanSdCurves,
  missingFraction,
  normaliseCycle,
  outOfStepNotes,
  percentAxis,
  type CycleOptions,
  type GaitCycle,
} from './cycles';
import { frontalAngles } from './frontal-angles';
import { butterworthLowPass } from './butterworth';
import { detectGaitEvents, sortEvents, type EventDetectionOptions } from './gait-events';
import type { ZeniOptions } from './zeni';
import { median } from './peaks';
import {
  cleanBody,
  cleanTrajectory,
  DEFAULT_MAX_GAP_S,
  meanPoint,
  pelvisCentre,
  type CleanBody,
  type LongGap,
  type PointSeries,
  type PreprocessOptions,
} from './preprocess';
import { farSidePerPass, noteFarLegs, type FarSide } from './far-side';
import { feetAtEdge, noteFeetAtEdge } from './picture-edge';
import { flagTrunkCutOff, trunkCutOffFrames, trunkCutOffNote } from './trunk-cut-off';
import { backwardPasses, flagBackwardCycles, walkingBackwardNote } from './walking-backward';
import { residualAnalysis } from './residual-analysis';
import { pelvisTiltSeries, sagittalAngles, trunkTiltSeries } from './sagittal-angles';
import { resolveScale, type Scale, type ScaleSource } from './scaling';
import { computeSpatiotemporal, type SpatiotemporalResult } from './spatiotemporal';
import { strideClockNote } from './stride-clock';
import { floorTiltDeg, floorTiltNote } from './camera-level';
import { pictureIsTurned, subjectInPicture, turnedPictureMessage } from './picture-orientation';
import type { PictureTurnDeg } from '../../shared/picture-fix';
import { sizeChangeNotes, sizeChangePerPass, smallInPictureNote } from './apparent-size';
import { collapsedLegFrames, collapsedLegsNote, withoutCollapsedLegs } from './collapsed-legs';
import { walkGapFrames, walkGaps, walkGapsNote } from './walk-gaps';
import { damagedPictureNote, framesMask } from './damaged-picture';
import { doubtedPoseFrames, doubtedPoseNote, withoutFrames } from './doubted-pose';
import {
  endOnPaceSentence,
  endOnWalk,
  endOnWalkMessage,
  type EndOnInput,
  type EndOnWalk,
} from './end-on-walk';
import { feetApartAndTogether, feetApartSentence, type FeetApartInput } from './feet-apart';
import {
  beltSpeedCheckNote,
  cameraMotionPerPass,
  movingCameraFrames,
  movingCameraNotes,
  stanceSlideSpeed,
} from './camera-motion';
import { lowFrameRateNote } from './frame-rate';
import { LENGTHS_FROM_STEPS } from '../../shared/analysis-notes';
import { beltSpeedMessage, isPlausibleBeltSpeedMps } from '../../shared/belt-speed';
import { DEFAULT_CUTOFF_HZ } from '../../shared/filter-cutoff';
import {
  SIDES,
  type CameraView,
  type EventSource,
  type GaitEvent,
  type Side,
  type TrajectorySet,
  type WalkingPass,
} from './types';
import { detectWalkingPasses, directionPerFrame } from './walking-passes';

export interface AnalysisOptions {
  /** For single-camera image data: which plane the camera sees (default 'sagittal'). */
  view?: CameraView;
  /** Event detection; ignored when `events` is given. */
  eventDetection?: EventDetectionOptions;
  /** Events to use instead of detection (hand-edited or imported). */
  events?: readonly GaitEvent[];
  preprocess?: PreprocessOptions;
  /** Default: native for mm / m data; pixel data without a scale gets no distances or speed. */
  scale?: ScaleSource;
  cycles?: CycleOptions;
  /**
   * Speed of the treadmill's belt, m/s: on a treadmill the feet do not advance, so speed is the
   * belt's and stride and step length are belt speed x stride and step time. Ignored overground.
   */
  treadmillBeltSpeedMps?: number;
  /** Points per normalised cycle (default 51 = every 2 %). */
  points?: number;
  /** Normalised curves with more missing points than this fraction flag the cycle (default 0.1). */
  maxMissingFraction?: number;
}

/** Below this length, s, a recording without walking is called too short rather than still. */
const SHORTEST_WALK_S = 1;

export type AnalysisErrorCode =
  | 'invalid-input'
  | 'nobody-in-view'
  | 'landmarks-missing'
  | 'standing-still'
  | 'filmed-end-on'
  | 'picture-turned'
  | 'events-required'
  | 'no-gait-cycles'
  | 'invalid-scale';

export interface AnalysisError {
  code: AnalysisErrorCode;
  /** Plain-language message for the clinician. */
  message: string;
  longGaps?: LongGap[];
  /** A frontal camera's walk seen end-on (direction, size, cadence), when it shows one. */
  endOn?: EndOnWalk;
  /** 'picture-turned': the clockwise turn that brings the subject upright. */
  turnDeg?: PictureTurnDeg;
}

export interface CycleCurve {
  cycleIndex: number;
  /** Left out of this curve's mean: the cycle is excluded, or this angle is missing in > 10 % of it. */
  excluded: boolean;
  values: number[];
}

/** One angle normalised over the cycles of one side. */
export interface CycleCurveSet {
  variable: AngleVariable;
  label: string;
  side: Side;
  view: AngleView;
  landmarks: string[];
  unit: 'deg';
  /** 0..100, one entry per point. */
  percent: number[];
  cycles: CycleCurve[];
  /** Mean and SD over the included cycles (NaN only if no cycle is included). */
  mean: number[];
  sd: number[];
  includedCycles: number;
  /**
   * Every included cycle saw this leg as the far one from a side camera: a low-confidence curve.
   * (When the side also has near cycles, its far ones are left out of the mean instead.)
   */
  farSide: boolean;
}

export interface GaitAnalysis {
  rateHz: number;
  frameCount: number;
  startTimeS: number;
  view: CameraView | '3d';
  mode: 'overground' | 'treadmill';
  /** The belt speed lengths and speed were made from, m/s (treadmill walking only), else null. */
  treadmillBeltSpeedMps: number | null;
  passes: WalkingPass[];
  events: GaitEvent[];
  /** How the events were obtained. */
  eventSource: EventSource;
  /** The event method as run, in words (for provenance): which rule placed contact and foot off. */
  eventMethod: string;
  cycles: GaitCycle[];
  /** Angle time series, degrees per frame. */
  angles: AngleSeries[];
  curves: CycleCurveSet[];
  spatiotemporal: SpatiotemporalResult;
  scale: Scale | null;
  /** Passes where a side camera saw one leg as the far one (sagittal camera only). */
  farSides: FarSide[];
  /** Missing stretches longer than the fill limit, per trajectory. */
  longGaps: LongGap[];
  /** Per side, frames whose knee and foot were set aside, the leg heaped up in the picture (collapsed-legs.ts). */
  collapsedLegFrames: Record<Side, number[]>;
  /** Frames in the middle of the walk where the pelvis or a foot was not tracked (walk-gaps.ts). */
  walkGapFrames: number[];
  /** Frames whose landmarks were set aside, the pose model doubting a person was there (doubted-pose.ts). */
  doubtedPoseFrames: number[];
  /** Frames whose landmarks were set aside, the video's decoder having patched their picture (damaged-picture.ts). */
  damagedPictureFrames: number[];
  /**
   * Why the camera's view label looks wrong (a "frontal" camera the subject crosses, as a side
   * camera sees them), or null: its view-specific angles should not be read.
   */
  viewDoubt: string | null;
  warnings: string[];
}

export type AnalysisResult = { ok: true; analysis: GaitAnalysis } | { ok: false; error: AnalysisError };

const fail = (code: AnalysisErrorCode, message: string, longGaps?: LongGap[]): AnalysisResult => ({
  ok: false,
  error: { code, message, ...(longGaps ? { longGaps } : {}) },
});

function finiteFraction(p: PointSeries | undefined): number {
  if (!p) return 0;
  let k = 0;
  for (let i = 0; i < p.x.length; i++) if (Number.isFinite(p.x[i]!)) k++;
  return p.x.length ? k / p.x.length : 0;
}

function dist(a: PointSeries, b: PointSeries, i: number): number {
  return Math.hypot(a.x[i]! - b.x[i]!, a.y[i]! - b.y[i]!, a.z[i]! - b.z[i]!);
}

/** Thigh + shank and hip-to-shoulder lengths of each side seen at frame i, data units. */
function segmentLengths(body: CleanBody, i: number): { legs: number[]; trunks: number[] } {
  const legs: number[] = [];
  const trunks: number[] = [];
  for (const side of SIDES) {
    const { hip, knee, ankle, shoulder } = body[side];
    if (!hip || !knee || !ankle) continue;
    const l = dist(hip, knee, i) + dist(knee, ankle, i);
    if (Number.isFinite(l)) legs.push(l);
    const t = shoulder ? dist(hip, shoulder, i) : NaN;
    if (Number.isFinite(t)) trunks.push(t);
  }
  return { legs, trunks };
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Thigh + shank (mean of the sides seen) + trunk per frame, data units: the body's size. */
function bodySizePerFrame(body: CleanBody, n: number): Float64Array {
  const { leg, trunk } = segmentsPerFrame(body, n);
  return leg.map((l, i) => l + trunk[i]!);
}

/** Per frame, the mean thigh + shank and trunk lengths seen (NaN where none is). */
function segmentsPerFrame(body: CleanBody, n: number): { leg: Float64Array; trunk: Float64Array } {
  const leg = new Float64Array(n).fill(NaN);
  const trunk = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const { legs, trunks } = segmentLengths(body, i);
    if (legs.length > 0) leg[i] = mean(legs);
    if (trunks.length > 0) trunk[i] = mean(trunks);
  }
  return { leg, trunk };
}

/**
 * Median thigh + shank length (and trunk) in data units, over both sides; the trunk not measured in
 * the frames `trunkCut` marks.
 */
function bodyLengths(
  body: CleanBody,
  n: number,
  trunkCut?: Uint8Array,
): { leg: number; legAndTrunk: number | undefined } {
  const legs: number[] = [];
  const trunks: number[] = [];
  for (let i = 0; i < n; i++) {
    const seen = segmentLengths(body, i);
    legs.push(...seen.legs);
    if (!trunkCut?.[i]) trunks.push(...seen.trunks);
  }
  const leg = median(legs);
  const trunk = median(trunks);
  return { leg, legAndTrunk: Number.isFinite(trunk) ? leg + trunk : undefined };
}

/** Beyond this many leg lengths across the picture, a camera labelled frontal sees from the side. */
const SIDE_VIEW_CROSSING_LEGS = 2;

/** How far the pelvis travels across a camera's picture over frames [from, to), in leg lengths. */
function crossingLegs(pelvis: PointSeries, from: number, to: number, legLength: number): number {
  const xs = Array.from(pelvis.x.slice(from, to)).filter(Number.isFinite);
  return xs.length > 0 ? (Math.max(...xs) - Math.min(...xs)) / legLength : 0;
}

/** A camera's apparent leg length and heel heights per frame, px: what tells an end-on walk. */
function endOnInput(body: CleanBody, rateHz: number, legLengthPx: Float64Array): EndOnInput {
  return { rateHz, legLengthPx, leftHeelYPx: body.left.heel!.y, rightHeelYPx: body.right.heel!.y };
}

function feetApartInput(body: CleanBody, rateHz: number, legLengthPx: Float64Array): FeetApartInput {
  return { rateHz, legLengthPx, leftHeelXPx: body.left.heel!.x, rightHeelXPx: body.right.heel!.x };
}

/** "1 initial contact", "3 initial contacts". */
function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function fmtGap(g: LongGap, rateHz: number, t0: number): string {
  return `${g.trajectory} ${(t0 + g.startFrame / rateHz).toFixed(2)}-${(t0 + g.endFrame / rateHz).toFixed(2)} s`;
}

/** Highest cutoff of the landing heights ('auto'); see landingHeights. */
const LANDING_MAX_CUTOFF_HZ = 15;
const LANDING_MIN_RATE_HZ = 50;

/**
 * Heel and toe heights from which initial contact is placed, less smoothed than the trajectories
 * when the data allow it (undefined: use the trajectories as preprocessed).
 *
 * Why: the default 6 Hz low-pass suits joint angles, but a landing is a transient: the foot's
 * descent is arrested within a few frames. At 6 Hz every instant is blurred over about 60 ms (26 ms
 * at 15 Hz), so the arrest (the largest upward acceleration of the landing part of the foot) is mixed
 * with what precedes and follows it, such as the heel marker rising as the foot rolls onto its sole,
 * and its detected instant drifts by a frame or two, differently from step to step. The heights are
 * therefore filtered at the cutoff their own noise allows (Winter's residual analysis, the noisiest of
 * the four signals deciding), never below the trajectory cutoff: jittery video landmarks keep the
 * trajectory smoothing unchanged, clean marker data get more detail (11-15 Hz for the Vicon walks of
 * the tests). The cap bounds what already filtered data (no noise left to measure) get: above it, a
 * walking foot's vertical motion is mostly marker wobble at impact.
 */
function landingHeights(
  set: TrajectorySet,
  body: CleanBody,
  up: (p: PointSeries) => Float64Array,
  options: AnalysisOptions,
): Record<Side, { heelUp: Float64Array; toeUp: Float64Array }> | undefined {
  const trajectoryCutoff = options.preprocess?.cutoffHz ?? DEFAULT_CUTOFF_HZ;
  const setting = options.eventDetection?.landingCutoffHz ?? 'auto';
  if ((options.eventDetection?.method ?? 'zeni') !== 'zeni' || !(trajectoryCutoff > 0) || setting === 0)
    return undefined;
  // A foot's descent is arrested within 20-30 ms: below 50 frames/s that is one frame or less, and
  // no filter setting recovers an instant the sampling did not resolve.
  if (set.rateHz < LANDING_MIN_RATE_HZ) return undefined;
  // A pose model's heel and toe do not stop falling when the foot lands: on the Sports2D walk at 60
  // frames/s their largest upward acceleration came 70-145 ms after the contacts that the foot's
  // ground speed places (which match hand labels at 30 frames/s, and the same instants at 60).
  if (set.source === 'pose-model' && setting === 'auto') return undefined;
  const unfiltered = (p: PointSeries | undefined) => {
    if (!p) return new Float64Array(set.frameCount).fill(NaN);
    const t = set.trajectories[p.name]!;
    return up(cleanTrajectory(p.name, t, set, { ...options.preprocess, cutoffHz: 0 }).point);
  };
  const raw = {
    left: { heelUp: unfiltered(body.left.heel), toeUp: unfiltered(body.left.toe) },
    right: { heelUp: unfiltered(body.right.heel), toeUp: unfiltered(body.right.toe) },
  };
  let cutoff = setting === 'auto' ? LANDING_MAX_CUTOFF_HZ : setting;
  if (setting === 'auto') {
    for (const side of SIDES) {
      for (const h of [raw[side].heelUp, raw[side].toeUp]) {
        const ra = residualAnalysis(h, set.rateHz);
        // Too little data to measure the noise: keep the trajectory smoothing.
        if (!ra) return undefined;
        if (ra.cutoffHz !== undefined) cutoff = Math.min(cutoff, ra.cutoffHz);
      }
    }
    if (cutoff <= trajectoryCutoff) return undefined;
  }
  const filter = (h: Float64Array) =>
    cutoff < set.rateHz / 2 ? butterworthLowPass(h, set.rateHz, { cutoffHz: cutoff }) : h;
  return {
    left: { heelUp: filter(raw.left.heelUp), toeUp: filter(raw.left.toeUp) },
    right: { heelUp: filter(raw.right.heelUp), toeUp: filter(raw.right.toeUp) },
  };
}

/**
 * What a treadmill recording measures and how. A camera that pans to follow the patient looks the
 * same to the analysis (the pelvis stays in place in the picture), and in both the floor moves
 * through the picture: lengths come from the steps, or from the belt speed when it is given.
 */
function treadmillLengthsNote(
  mode: 'overground' | 'treadmill',
  beltSpeedMps: number | undefined,
  view: CameraView | '3d',
  filmed: boolean,
): string | null {
  if (view === 'frontal') return null;
  if (mode === 'overground')
    return beltSpeedMps === undefined
      ? null
      : filmed
        ? 'A treadmill belt speed was given, but the patient walks across the picture (overground): it was not used.'
        : 'A treadmill belt speed was given, but the subject walks through the capture volume (overground): it was not used.';
  if (beltSpeedMps !== undefined) return null;
  // Markers of a motion-capture system: no camera that could pan, only a treadmill.
  return filmed
    ? `The patient stays in one place in the picture: walking on a treadmill, or a camera that pans to follow the patient. The floor moves through the picture, so ${LENGTHS_FROM_STEPS} (on a treadmill, relative to the belt). On a treadmill, enter the belt speed from its console for speed and lengths from the belt.`
    : `The subject stays in one place in the capture volume: walking on a treadmill, so ${LENGTHS_FROM_STEPS} (relative to the belt). Enter the belt speed from its console for speed and lengths from the belt.`;
}

/** What placed the events, in words a reader of the report can check against the README. */
function describeEventMethod(
  method: EventSource,
  mode: 'overground' | 'treadmill',
  refinement: ZeniOptions['contactRefinement'],
  landing: ReturnType<typeof landingHeights>,
): string {
  if (method === 'foot-velocity' && mode === 'overground')
    return 'foot velocity: contact and foot off where foot speed crosses 20 % / 45 % of its peak';
  const contact =
    refinement === 'ground-speed'
      ? "contact where the foot's ground speed falls to 20 % of walking speed"
      : refinement === 'none'
        ? 'contact at the heel furthest forward of the pelvis'
        : refinement === 'lowest-point'
          ? 'contact at the lowest point of the landing foot'
          : `contact at the landing of the foot (largest upward acceleration of heel or toe${landing ? ', heights low-passed at the cutoff their noise allows' : ''})`;
  return `coordinate-based (Zeni 2008): ${contact}; foot off at the toe furthest back of the pelvis`;
}

export function analyseTrajectories(input: TrajectorySet, options: AnalysisOptions = {}): AnalysisResult {
  const result = analyseSet(input, options);
  // A walk that could not be analysed from a damaged file: the damage is likely why, and is said.
  const damage = result.ok ? null : damagedPictureNote(input);
  return result.ok || !damage
    ? result
    : { ok: false, error: { ...result.error, message: `${result.error.message} ${damage}` } };
}

function analyseSet(input: TrajectorySet, options: AnalysisOptions): AnalysisResult {
  const warnings: string[] = [];
  if (!(input.rateHz > 0) || !(input.frameCount > 0)) {
    return fail(
      'invalid-input',
      `The recording has no frames or no frame rate (rate ${input.rateHz} Hz, ${input.frameCount} frames).`,
    );
  }
  // Landmarks the pose model placed while doubting there was a person are guesses, and those on
  // pictures the video's decoder patched stand on a damaged picture: set aside first, as the
  // frames it does not see, so that nothing below reads them.
  const damaged = input.damagedPicture?.frames ?? [];
  const doubted = input.poseConfidence
    ? doubtedPoseFrames(input.poseConfidence, input.rateHz, framesMask(damaged, input.frameCount))
    : [];
  const set = withoutFrames(input, [...doubted, ...damaged]);
  const belt = options.treadmillBeltSpeedMps;
  if (belt !== undefined && !isPlausibleBeltSpeedMps(belt))
    return fail('invalid-input', beltSpeedMessage(belt));
  const rateHz = set.rateHz;
  const cutoff = options.preprocess?.cutoffHz;
  // Filtered at half the frame rate or above, trajectories would pass unfiltered without a word.
  if (cutoff !== undefined && !(cutoff === 0 || (cutoff > 0 && cutoff < rateHz / 2)))
    return fail(
      'invalid-input',
      `A low-pass cutoff of ${cutoff} Hz cannot filter a recording at ${+rateHz.toPrecision(4)} frames/s: it must lie above 0 and below half the frame rate (${+(rateHz / 2).toPrecision(4)} Hz).`,
    );
  const n = set.frameCount;
  const t0 = set.startTimeS ?? 0;
  const is3d = set.convention !== 'image-y-down';
  const view: CameraView | '3d' = is3d ? '3d' : (options.view ?? 'sagittal');
  const points = options.points ?? 51;

  // Where the subject should have been, in the advice of the messages below.
  const filmed = set.convention === 'image-y-down' || set.source === 'pose-model';
  const walkingWhere = filmed ? "across the camera's view" : 'through the capture volume';
  let body = cleanBody(set, options.preprocess);
  if (body.estimatedHips) {
    const mm = set.unit === 'm' ? 1000 : 1;
    const { pelvisWidth, pelvisDepth, posterior } = body.estimatedHips;
    warnings.push(
      `The recording has no hip joint centres: they were placed from the pelvis markers by Harrington et al. (2007), from a pelvis ${(pelvisWidth * mm).toFixed(0)} mm wide (ASIS to ASIS) and ${(pelvisDepth * mm).toFixed(0)} mm deep (mid-ASIS to ${posterior}). Hip and knee angles depend on them.`,
    );
  }
  const pelvis = pelvisCentre(body);
  const presence = Math.max(
    finiteFraction(pelvis),
    finiteFraction(body.left.heel),
    finiteFraction(body.right.heel),
  );
  if (presence < 0.05) {
    return fail(
      'nobody-in-view',
      filmed
        ? 'Nobody was found in view: no pelvis or feet were tracked in this recording. Check that the subject is in the camera picture and lit.'
        : 'No pelvis or foot marker has data in this recording. Check that the markers were tracked and labelled.',
    );
  }
  // Before anything is read from it: a picture turned upside down or on its side gives walks that
  // look like numbers (checked before the gaps too, which a turned picture also causes).
  if (pelvis && set.convention === 'image-y-down') {
    const standing = subjectInPicture(pelvis, [
      body.left.heel,
      body.right.heel,
      body.left.ankle,
      body.right.ankle,
    ]);
    if (pictureIsTurned(standing))
      return {
        ok: false,
        error: { code: 'picture-turned', message: turnedPictureMessage(standing), turnDeg: standing.turnDeg },
      };
  }
  // Upright, a leg heaped up in the picture (its ankle near the height of its hip) is the model's
  // mistake, not a posture: its knee and foot are set aside there (the hip places the pelvis).
  const collapsed = collapsedLegFrames(set, options.preprocess?.markerMap);
  if (collapsed.left.length > 0 || collapsed.right.length > 0)
    body = cleanBody(withoutCollapsedLegs(set, collapsed, options.preprocess?.markerMap), options.preprocess);
  const missingRoles: string[] = [];
  for (const side of SIDES) {
    for (const role of ['heel', 'toe', 'hip', 'knee', 'ankle'] as const) {
      if (!body[side][role] && !(role === 'hip' && is3d)) missingRoles.push(`${side} ${role}`);
    }
  }
  if (missingRoles.some((r) => r.endsWith('heel') || r.endsWith('toe')) || !pelvis) {
    return fail(
      'landmarks-missing',
      `Required landmarks are absent from the recording: ${[...missingRoles, ...(pelvis ? [] : ['pelvis'])].join(', ')}.`,
    );
  }
  const requiredGaps = body.longGaps.filter((g) =>
    [
      pelvis.name,
      body.left.heel?.name,
      body.right.heel?.name,
      body.left.toe?.name,
      body.right.toe?.name,
    ].includes(g.trajectory),
  );
  const coreFraction = Math.min(
    finiteFraction(pelvis),
    finiteFraction(body.left.heel),
    finiteFraction(body.right.heel),
    finiteFraction(body.left.toe),
    finiteFraction(body.right.toe),
  );
  if (coreFraction < 0.3) {
    const worst = [...requiredGaps].sort((a, b) => b.durationS - a.durationS).slice(0, 3);
    return fail(
      'landmarks-missing',
      `The pelvis or feet are missing for most of the recording (tracked in only ${(100 * coreFraction).toFixed(0)} % of frames); longest gaps: ${worst.map((g) => fmtGap(g, rateHz, t0)).join('; ')}.`,
      requiredGaps,
    );
  }
  let lengths = bodyLengths(body, n);
  let legLength = lengths.leg;
  if (!Number.isFinite(legLength)) {
    // Without knees and ankles, the pelvis height above the heels stands in for leg length.
    const up = groundAxes(set.convention).up;
    const ph = project(pelvis, up);
    const hh = project(body.left.heel!, up);
    legLength = median(Array.from(ph, (v, i) => v - hh[i]!));
  }
  if (!(legLength > 0))
    return fail(
      'landmarks-missing',
      'The legs could not be measured: hips, knees and ankles are not tracked together.',
    );
  // Shoulders at a side camera's top edge: the trunk there is squeezed in, not measured (a frontal
  // camera measures no length, and its note would name angles it does not give).
  const pictureShoulders = SIDES.flatMap((side) => {
    const name = body[side].shoulder?.name;
    const t = name !== undefined ? set.trajectories[name] : undefined;
    return t ? [t] : [];
  });
  const trunkCut =
    set.imageSizePx && set.convention === 'image-y-down' && view === 'sagittal'
      ? trunkCutOffFrames(pictureShoulders, legLength, n)
      : undefined;
  if (trunkCut?.includes(1)) lengths = bodyLengths(body, n, trunkCut);

  // Axes: in 3D, the pelvis path gives the walking line unless the pelvis barely moves (treadmill).
  let axes: GroundAxes = groundAxes(set.convention, pelvis);
  if (is3d) {
    const rangeAlong = (p: PointSeries, ax: GroundAxes) => {
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of project(p, ax.progression)) {
        if (!Number.isFinite(v)) continue;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      return hi > lo ? hi - lo : 0;
    };
    if (rangeAlong(pelvis, axes) < 0.5 * legLength) axes = groundAxes(set.convention, body.left.heel);
  }

  const heelProgress = project(body.left.heel!, axes.progression);
  // Toe minus heel along the progression axis, per foot: which way the subject faces.
  const toeAheadOfHeel = SIDES.map((side) => {
    const toe = project(body[side].toe!, axes.progression);
    const heel = side === 'left' ? heelProgress : project(body[side].heel!, axes.progression);
    return toe.map((t, i) => t - heel[i]!);
  });
  const footPointing = median(toeAheadOfHeel[0]!) >= 0 ? 1 : -1;
  let passes: WalkingPass[];
  let viewDoubt: string | null = null;
  if (view === 'frontal') {
    if (!options.events) {
      // What it can tell without events: which way the subject walked, and the cadence; not when
      // the subject crosses the picture (a side camera labelled frontal: see viewDoubt below).
      const crosses = crossingLegs(pelvis, 0, n, legLength) > SIDE_VIEW_CROSSING_LEGS;
      // Feet going apart and together are not steps: no pace to give.
      const legPx = segmentsPerFrame(body, n).leg;
      const stepping = !crosses && !feetApartAndTogether(feetApartInput(body, rateHz, legPx));
      const endOn = stepping ? endOnWalk(endOnInput(body, rateHz, legPx)) : null;
      const message = `A frontal camera cannot time gait events reliably: detect them on a side camera (or enter them by hand) and re-run with those events.${endOn ? ` ${endOnPaceSentence(endOn)}` : ''}`;
      return { ok: false, error: { code: 'events-required', message, ...(endOn ? { endOn } : {}) } };
    }
    // The walking is where the given events are (a frontal camera cannot see travel across it).
    const frames = options.events.map((e) => e.frame).filter(Number.isFinite);
    const startFrame = frames.length ? Math.max(0, Math.floor(Math.min(...frames))) : 0;
    const endFrame = frames.length ? Math.min(n, Math.ceil(Math.max(...frames)) + 1) : n;
    passes = [{ index: 0, startFrame, endFrame, direction: 1, mode: 'overground' }];
    // Walking towards or away from a frontal camera hardly moves the pelvis across the picture;
    // crossing it by more than two leg lengths means the camera is a side one, labelled wrongly.
    const across = crossingLegs(pelvis, startFrame, endFrame, legLength);
    if (across > SIDE_VIEW_CROSSING_LEGS) {
      viewDoubt = `The subject crosses the picture (${across.toFixed(1)} leg lengths), as seen from a side camera: check that this camera is a frontal or posterior one, or its frontal-plane angles mean nothing (a side camera is filed again as one, its pose and hand edits kept).`;
      warnings.push(viewDoubt);
    }
  } else {
    const detection = detectWalkingPasses({
      rateHz,
      pelvisProgress: project(pelvis, axes.progression),
      leftHeelProgress: heelProgress,
      rightHeelProgress: project(body.right.heel!, axes.progression),
      footPointing,
      legLength,
    });
    if (detection.kind === 'standing-still') {
      // A clip shorter than a stride cannot show walking: say that, not that the subject stood.
      if (n / rateHz < SHORTEST_WALK_S)
        return fail(
          'no-gait-cycles',
          `The recording is too short to show walking: ${(n / rateHz).toFixed(2)} s (${n} frames), and one stride takes about a second. Record the subject walking ${walkingWhere} for at least two strides.`,
        );
      const picture = set.convention === 'image-y-down';
      const moved = `the pelvis moved at most ${detection.maxPelvisSpeedLegPerS.toFixed(2)} leg lengths per second`;
      const legPx = picture ? segmentsPerFrame(body, n).leg : undefined;
      const apart = legPx ? feetApartAndTogether(feetApartInput(body, rateHz, legPx)) : null;
      if (apart)
        return fail(
          'standing-still',
          `The subject did not walk: ${moved}, and ${feetApartSentence(apart)}. Record a trial with the subject walking ${walkingWhere}.`,
        );
      const endOn = legPx ? endOnWalk(endOnInput(body, rateHz, legPx)) : null;
      if (endOn) return fail('filmed-end-on', endOnWalkMessage(endOn));
      return fail(
        'standing-still',
        `The subject did not walk: ${moved} and the feet did not cycle. Record a trial with the subject walking ${walkingWhere}.`,
      );
    }
    passes = detection.passes;
  }
  const mode = passes[0]?.mode ?? 'overground';
  const direction = directionPerFrame(passes, n);
  const treadmillNote = treadmillLengthsNote(mode, belt, view, filmed);
  if (treadmillNote) warnings.push(treadmillNote);

  const sag = (p: PointSeries | undefined): Sagittal2D | undefined =>
    p ? toSagittal(p, axes, direction) : undefined;
  const feet = {
    left: { heel: sag(body.left.heel)!, toe: sag(body.left.toe)! },
    right: { heel: sag(body.right.heel)!, toe: sag(body.right.toe)! },
  };
  const pelvisSag = sag(pelvis)!;

  let events: GaitEvent[];
  let eventSource: EventSource;
  let eventMethod: string;
  if (options.events) {
    events = sortEvents(options.events.filter((e) => e.frame >= 0 && e.frame <= n - 1));
    // Unchanged detected or imported events keep their origin; any mixture counts as hand-edited.
    const first = events[0]?.source ?? 'manual';
    eventSource = events.every((e) => e.source === first) ? first : 'manual';
    const byHand = events.filter((e) => e.source === 'manual').length;
    const detectedBy = [...new Set(events.map((e) => e.source).filter((x) => x !== 'manual'))];
    const origin = detectedBy
      .map((x) =>
        x === 'zeni'
          ? 'detected (Zeni 2008, coordinate-based)'
          : x === 'imported'
            ? 'imported with the recording'
            : `detected (${x})`,
      )
      .join(' and ');
    eventMethod =
      byHand === 0
        ? origin
        : `${origin ? `${origin}; ` : ''}${byHand} of ${events.length} set or moved by hand`;
  } else {
    const landing = landingHeights(set, body, (p) => sag(p)!.up, options);
    // Without heights that resolve the landing (video landmarks: too noisy, or too few frames per
    // second), the largest upward acceleration of a foot smoothed at 6 Hz falls anywhere in the
    // 0.15 s after the pelvis-relative peak: on the Sports2D walk (30 fps) it put contact 3-5
    // frames after the foot visibly stopped. Contact is then placed where the foot's ground speed
    // has fallen to a fifth of walking speed, which needs only horizontal positions (within about a
    // frame of the visible landing on that walk).
    const refinement =
      options.eventDetection?.zeni?.contactRefinement ?? (landing ? undefined : 'ground-speed');
    const detection: EventDetectionOptions = refinement
      ? {
          ...options.eventDetection,
          zeni: { ...options.eventDetection?.zeni, contactRefinement: refinement },
        }
      : (options.eventDetection ?? {});
    events = detectGaitEvents(
      { rateHz, passes, feet, pelvisForward: pelvisSag.forward, ...(landing ? { landing } : {}) },
      detection,
    );
    eventSource = options.eventDetection?.method ?? 'zeni';
    eventMethod = describeEventMethod(eventSource, mode, detection.zeni?.contactRefinement, landing);
    if (eventSource === 'foot-velocity' && mode === 'treadmill')
      warnings.push('Foot-velocity events do not apply on a treadmill; Zeni events were used.');
  }

  // Angles.
  const angles: AngleSeries[] = [];
  if (view === 'sagittal' || view === '3d') {
    const sview: AngleView = view === '3d' ? '3d-sagittal' : 'sagittal-camera';
    const asisMid = meanPoint(undefined, [body.left.asis, body.right.asis], true);
    // The sacral marker sits midway between the PSIS: the same line for pelvic tilt.
    const psisMid = meanPoint(undefined, [body.left.psis, body.right.psis], true) ?? body.sacrum;
    const hipMid = meanPoint(undefined, [body.left.hip, body.right.hip], true);
    const shoulderMid = meanPoint(undefined, [body.left.shoulder, body.right.shoulder], true);
    for (const side of SIDES) {
      const b = body[side];
      const pelvisTilt =
        asisMid && psisMid ? pelvisTiltSeries(sag(asisMid)!, sag(psisMid)!, sview, side) : undefined;
      const trunkTilt =
        hipMid && shoulderMid ? trunkTiltSeries(sag(hipMid)!, sag(shoulderMid)!, sview, side) : undefined;
      const sa = sagittalAngles({
        side,
        view: sview,
        ...(b.hip ? { hip: sag(b.hip)! } : {}),
        ...(b.knee ? { knee: sag(b.knee)! } : {}),
        ...(b.ankle ? { ankle: sag(b.ankle)! } : {}),
        heel: feet[side].heel,
        toe: feet[side].toe,
        ...(pelvisTilt ? { pelvisTilt } : trunkTilt ? { trunkTilt } : {}),
      });
      angles.push(...sa);
      if (pelvisTilt) angles.push(pelvisTilt);
      if (trunkTilt) angles.push(trunkTilt);
    }
  }
  if (view === 'frontal' || view === '3d') {
    const fview: AngleView = view === '3d' ? '3d-frontal' : 'frontal-camera';
    let frontAxes = axes;
    let frontDir = direction;
    if (view === 'frontal') {
      // Facing the camera, the subject's left appears on the image's right; walking away, on its
      // left. Decided per frame over a 1 s window, so a walk toward the camera and back both work.
      const lh = body.left.hip ?? body.left.shoulder;
      const rh = body.right.hip ?? body.right.shoulder;
      frontAxes = { progression: [0, 0, 1], up: [0, -1, 0], left: [1, 0, 0] };
      frontDir = new Int8Array(n).fill(1);
      if (lh && rh) {
        const half = Math.max(1, Math.round(rateHz / 2));
        const diff = Array.from(lh.x, (v, i) => v - rh.x[i]!);
        for (let i = 0; i < n; i++)
          frontDir[i] = median(diff.slice(Math.max(0, i - half), i + half + 1)) < 0 ? -1 : 1;
      }
    }
    const fr = (p: PointSeries | undefined) => (p ? toFrontal(p, frontAxes, frontDir) : undefined);
    for (const side of SIDES) {
      const other = side === 'left' ? 'right' : 'left';
      const hip = fr(body[side].hip);
      const otherHip = fr(body[other].hip);
      const knee = fr(body[side].knee);
      const ankle = fr(body[side].ankle);
      angles.push(
        ...frontalAngles({
          side,
          view: fview,
          ...(hip ? { hip } : {}),
          ...(otherHip ? { otherHip } : {}),
          ...(knee ? { knee } : {}),
          ...(ankle ? { ankle } : {}),
        }),
      );
    }
  }

  // An angle whose landmarks never coexist says nothing; leave it out rather than report NaN.
  for (let k = angles.length - 1; k >= 0; k--)
    if (!angles[k]!.values.some(Number.isFinite)) angles.splice(k, 1);

  // Cycles, with missing-data flags.
  const cycles = buildCycles(events, passes, rateHz, options.cycles);
  warnings.push(...outOfStepNotes(cycles));
  const outside = events.filter((e) => !passes.some((p) => e.frame >= p.startFrame && e.frame < p.endFrame));
  if (outside.length > 0) {
    warnings.push(
      `${outside.length} event(s) lie outside the walking passes (turns, standing) and start no cycle: ${outside
        .slice(0, 5)
        .map((e) => `${e.side} ${e.kind} at ${(t0 + e.frame / rateHz).toFixed(2)} s`)
        .join(', ')}.`,
    );
  }
  const maxMissing = options.maxMissingFraction ?? 0.1;
  const curveCache = new Map<AngleSeries, Map<GaitCycle, Float64Array>>();
  for (const a of angles) {
    const m = new Map<GaitCycle, Float64Array>();
    for (const c of cycles.filter((c) => c.side === a.side))
      m.set(c, normaliseCycle(a.values, c.startFrame, c.endFrame, points));
    curveCache.set(a, m);
  }
  // Feet and pelvis missing: the cycle itself is unreliable. One angle missing: only that curve
  // leaves the cycle out (below).
  for (const c of cycles) {
    const footCurves = [feet[c.side].heel.forward, feet[c.side].toe.forward, pelvisSag.forward].map((s) =>
      normaliseCycle(s, c.startFrame, c.endFrame, points),
    );
    if (footCurves.some((cv) => missingFraction(cv) > maxMissing)) {
      c.flags.push('missing-data');
      c.excluded = true;
    }
  }
  // Passes walked backward: events and angles assume the subject faces the way they go.
  if (view !== 'frontal') {
    const backward = backwardPasses(passes, toeAheadOfHeel);
    const note = walkingBackwardNote(
      backward,
      flagBackwardCycles(cycles, backward),
      set.convention === 'image-y-down',
    );
    if (note) warnings.push(note);
  }
  if (trunkCut) {
    const cutNote = trunkCutOffNote(trunkCut, passes, flagTrunkCutOff(cycles, trunkCut), cycles.length);
    if (cutNote) warnings.push(cutNote);
  }
  // The feet as the camera's picture has them (pixels, unfiltered).
  const pictureFeet = (side: Side) => ({
    heel: set.trajectories[body[side].heel!.name]!,
    toe: set.trajectories[body[side].toe!.name]!,
  });
  const sideCamera = view === 'sagittal' && set.convention === 'image-y-down';
  // A foot at the picture's edge: noted on the cycle (it stays in the means: the angles of most of
  // the cycle are unaffected), and its distances are not measured.
  const footAtEdge =
    set.imageSizePx && set.convention === 'image-y-down'
      ? feetAtEdge({ left: pictureFeet('left'), right: pictureFeet('right') }, set.imageSizePx, n)
      : undefined;
  if (footAtEdge) warnings.push(...noteFeetAtEdge(cycles, footAtEdge));
  // One camera's picture is only a ruler while the camera stands still.
  const cameraMotion = sideCamera
    ? cameraMotionPerPass({
        rateHz,
        passes,
        events,
        toeForward: { left: feet.left.toe.forward, right: feet.right.toe.forward },
        pelvisForward: pelvisSag.forward,
        ...(footAtEdge ? { footAtEdge } : {}),
      })
    : [];
  const cameraMoving = cameraMotion.some((m) => m.moved) ? movingCameraFrames(cameraMotion, n) : undefined;
  warnings.push(...movingCameraNotes(cameraMotion));
  // A rolled camera tilts trunk and pelvis tilt by its roll: the floor line under the feet says so.
  if (sideCamera && set.imageSizePx && mode === 'overground' && !cameraMoving) {
    const level = floorTiltNote(
      floorTiltDeg({
        events,
        feet: { left: pictureFeet('left'), right: pictureFeet('right') },
        imageWidthPx: set.imageSizePx.widthPx,
      }),
    );
    if (level) warnings.push(level);
  }
  // One scale for the whole walk holds only while the patient stays at one distance from the camera.
  if (sideCamera && mode === 'overground')
    warnings.push(
      ...sizeChangeNotes(
        sizeChangePerPass(
          bodySizePerFrame(body, n),
          cycles.filter((c) => !c.excluded),
        ),
      ),
    );
  // A pose model places landmarks to within a few pixels: on a subject small in the picture, that
  // is degrees of joint angle.
  if (set.convention === 'image-y-down' && set.source === 'pose-model') {
    const small = smallInPictureNote(legLength);
    if (small) warnings.push(small);
  }
  const heaped = collapsedLegsNote(collapsed, passes);
  if (heaped) warnings.push(heaped);
  const doubtNote = input.poseConfidence ? doubtedPoseNote(doubted, input.poseConfidence) : null;
  if (doubtNote) warnings.push(doubtNote);
  const damageNote = damagedPictureNote(input);
  if (damageNote) warnings.push(damageNote);
  // The pelvis or a foot lost in the middle of the walk (heaped-up legs are the note above's).
  const untracked = (points: Array<PointSeries | undefined>, setAside: readonly number[] = []) => {
    const aside = new Set(setAside);
    return Array.from(
      { length: n },
      (_, f) => !aside.has(f) && points.some((p) => p !== undefined && !Number.isFinite(p.x[f]!)),
    );
  };
  const lostInWalk = walkGaps(
    {
      pelvis: untracked([pelvis]),
      'left foot': untracked([body.left.heel, body.left.toe], collapsed.left),
      'right foot': untracked([body.right.heel, body.right.toe], collapsed.right),
    },
    passes,
    rateHz,
    options.preprocess?.maxGapS ?? DEFAULT_MAX_GAP_S,
  );
  const lostNote = walkGapsNote(lostInWalk, rateHz, filmed);
  if (lostNote) warnings.push(lostNote);
  // From one side camera, the far leg's landmarks are partly guessed: its cycles are noted, and its
  // curves come from the passes where it was the near leg whenever there are any.
  const farSides: FarSide[] = [];
  if (sideCamera) {
    const leg = (s: Side) =>
      (['knee', 'ankle', 'heel', 'toe'] as const).flatMap((r) => {
        const name = body[s][r]?.name;
        return name && set.trajectories[name] ? [set.trajectories[name]] : [];
      });
    for (const f of farSidePerPass({ left: leg('left'), right: leg('right') }, passes))
      if (f) farSides.push(f);
    warnings.push(...noteFarLegs(cycles, farSides));
  }
  const hasNearCycles = (s: Side) =>
    cycles.some((c) => c.side === s && !c.excluded && !c.flags.includes('far-side'));
  // Trunk and pelvis lines are one body's, whichever leg is nearer: only leg angles are affected.
  const legAngle = (v: AngleVariable) =>
    v === 'hip_flexion' || v === 'knee_flexion' || v === 'ankle_dorsiflexion';
  if (cycles.length === 0) {
    const contacts = events.filter((e) => e.kind === 'initial-contact').length;
    // How long the subject was seen walking: a pass shorter than two strides cannot hold a cycle.
    const walkingS = passes.reduce((a, p) => a + (p.endFrame - p.startFrame) / rateHz, 0);
    const gapText = requiredGaps.length
      ? ` Long tracking gaps: ${requiredGaps
          .slice(0, 3)
          .map((g) => fmtGap(g, rateHz, t0))
          .join('; ')}.`
      : '';
    return fail(
      requiredGaps.length ? 'landmarks-missing' : 'no-gait-cycles',
      `No complete gait cycle was found (${count(contacts, 'initial contact')} in ${count(passes.length, 'walking pass', 'walking passes')} over ${walkingS.toFixed(2)} s); at least two initial contacts of the same foot within one pass are needed, about a second apart in walking: record at least two strides.${gapText}`,
      requiredGaps.length ? requiredGaps : undefined,
    );
  }
  if (!cycles.some((c) => !c.excluded))
    warnings.push('Every gait cycle is flagged (see cycle flags): means are not computed.');
  const slowFrames = lowFrameRateNote(
    rateHz,
    median(cycles.filter((c) => !c.excluded).map((c) => c.durationS)),
  );
  if (slowFrames) warnings.push(slowFrames);

  const percent = percentAxis(points);
  const curves: CycleCurveSet[] = angles.map((a) => {
    const cs = cycles.filter((c) => c.side === a.side);
    const per = cs.map((c) => {
      const values = curveCache.get(a)!.get(c)!;
      return {
        cycleIndex: c.index,
        excluded:
          c.excluded ||
          missingFraction(values) > maxMissing ||
          (legAngle(a.variable) && c.flags.includes('far-side') && hasNearCycles(c.side)),
        values: Array.from(values),
      };
    });
    const included = per.filter((p) => !p.excluded).map((p) => p.values);
    const farSide =
      legAngle(a.variable) &&
      included.length > 0 &&
      cs.every((c, k) => per[k]!.excluded || c.flags.includes('far-side'));
    const { mean, sd } = meanSdCurves(included, points);
    return {
      variable: a.variable,
      label: ANGLE_LABELS[a.variable],
      side: a.side,
      view: a.view,
      landmarks: a.landmarks,
      unit: 'deg',
      percent,
      cycles: per,
      mean,
      sd,
      includedCycles: included.length,
      farSide,
    };
  });

  // Scale and spatiotemporal parameters.
  let scale: Scale | null = null;
  const source: ScaleSource | undefined =
    options.scale ?? (set.unit === 'px' ? undefined : { kind: 'native' });
  // A frontal camera measures no distance: it claims no scale (and refuses none).
  if (source && view !== 'frontal') {
    const r = resolveScale(source, set.unit, {
      lengthUnits: lengths.legAndTrunk ?? lengths.leg,
      includesTrunk: lengths.legAndTrunk !== undefined,
    });
    if (!r.ok) return fail('invalid-scale', r.message);
    scale = r.scale;
  } else if (view !== 'frontal') {
    warnings.push(
      'No scale given for pixel data: distances and speed are not reported. Give the subject height in metres or a known floor distance.',
    );
  }
  if (view === 'frontal') warnings.push('Distances are not measured from a frontal camera.');
  // A belt speed entered in the wrong unit or from the wrong console: the feet on the belt say so.
  if (sideCamera && mode === 'treadmill' && belt !== undefined && scale) {
    const slide = stanceSlideSpeed({
      rateHz,
      passes,
      events,
      toeForward: { left: feet.left.toe.forward, right: feet.right.toe.forward },
      ...(footAtEdge ? { footAtEdge } : {}),
    });
    const check = beltSpeedCheckNote(belt, slide === null ? null : slide * scale.metresPerUnit);
    if (check) warnings.push(check);
  }
  const spatiotemporal = computeSpatiotemporal({
    cycles,
    events,
    rateHz,
    footForward: { left: feet.left.heel.forward, right: feet.right.heel.forward },
    pelvisForward: pelvisSag.forward,
    ...(is3d
      ? {
          footLateral: {
            left: toFrontal(body.left.heel!, axes, direction).left,
            right: toFrontal(body.right.heel!, axes, direction).left,
          },
        }
      : {}),
    ...(footAtEdge ? { footAtEdge } : {}),
    ...(cameraMoving ? { cameraMoving } : {}),
    metresPerUnit: view === 'frontal' ? null : (scale?.metresPerUnit ?? null),
    treadmill: mode === 'treadmill',
    ...(belt !== undefined ? { treadmillBeltSpeedMps: belt } : {}),
  });

  const clockNote = strideClockNote(cycles, filmed ? { kind: 'video' } : { kind: 'declared-rate', rateHz });
  if (clockNote) warnings.unshift(clockNote);

  return {
    ok: true,
    analysis: {
      rateHz,
      frameCount: n,
      startTimeS: t0,
      view,
      mode,
      treadmillBeltSpeedMps: mode === 'treadmill' && belt !== undefined && view !== 'frontal' ? belt : null,
      passes,
      events,
      eventSource,
      eventMethod,
      cycles,
      angles,
      curves,
      spatiotemporal,
      scale,
      longGaps: body.longGaps,
      collapsedLegFrames: collapsed,
      walkGapFrames: walkGapFrames(lostInWalk),
      doubtedPoseFrames: doubted,
      damagedPictureFrames: damaged,
      farSides,
      viewDoubt,
      warnings,
    },
  };
}
