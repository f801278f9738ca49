// A session's analysed trials (TrialAnalysisView, one per trial camera) to the report model's
// SessionAnalysisInput. Several trials are pooled cycle by cycle, not averaged trial by trial, so
// a trial with 5 cycles weighs more than one with 2, and the SD is over all cycles.
import { farLegs } from '../../shared/far-legs';
import {
  cycleFlagText,
  frameRunsText,
  isPersonNote,
  LENGTHS_FROM_STEPS,
  lowConfidenceInsidePasses,
} from '../../shared/analysis-notes';
import { WALKING_AID_NOTE_START } from '../../shared/walking-aid-note';
import { SIZE_CHANGE_NOTE_START, SMALL_SUBJECT_NOTE_START } from '../gait/apparent-size';
import { DAMAGED_PICTURE_NOTE_START } from '../gait/damaged-picture';
import { LOW_FRAME_RATE_NOTE_START } from '../gait/frame-rate';
import { MOVING_CAMERA_NOTE_START } from '../gait/camera-motion';
import { CAMERA_SIDE_NOTE_MARK } from '../gait/far-side';
import {
  MARKER_CAPTURE_CAMERA,
  TRIANGULATED_CAMERA,
  type TrialAnalysisView,
  type SideName,
} from '../../shared/api/analysis-types';
import {
  isGaitVariable,
  resolveVariableName,
  type GaitVariable,
  type HandEditedEvent,
  type KinematicCurveInput,
  type MeanSd,
  type SessionAnalysisInput,
  type SideAnalysisInput,
  type SpatiotemporalParameter,
  isSpatiotemporalParameter,
} from './model';
import { listInWords } from '../../shared/list-in-words';

/** The gait module's parameter names where the report model uses others. */
const PARAMETER_ALIASES: Readonly<Record<string, SpatiotemporalParameter>> = {
  stancePct: 'stanceTimePct',
  swingPct: 'swingTimePct',
};

function reportParameter(name: string): SpatiotemporalParameter | undefined {
  if (isSpatiotemporalParameter(name)) return name;
  return PARAMETER_ALIASES[name];
}

function reportVariable(name: string): { variable: GaitVariable; sign: 1 | -1 } | undefined {
  if (isGaitVariable(name)) return { variable: name, sign: 1 };
  const m = resolveVariableName(name);
  return m ? { variable: m.variable, sign: m.sign } : undefined;
}

/** Mean and SD over cycles, per point; points with no value in any cycle make the curve unusable. */
function pooledCurve(cycles: Array<Array<number | null>>): KinematicCurveInput | undefined {
  const length = cycles[0]?.length ?? 0;
  if (length < 2 || cycles.some((c) => c.length !== length)) return undefined;
  const meanDeg: number[] = [];
  const sdDeg: number[] = [];
  for (let i = 0; i < length; i++) {
    const values = cycles.map((c) => c[i]).filter((v): v is number => v !== null && Number.isFinite(v));
    if (values.length === 0) return undefined;
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const ss = values.reduce((a, b) => a + (b - mean) ** 2, 0);
    meanDeg.push(mean);
    sdDeg.push(values.length > 1 ? Math.sqrt(ss / (values.length - 1)) : 0);
  }
  return { meanDeg, sdDeg };
}

/** Combines per-trial mean/SD/n into the mean and SD of all the cycles together. */
function pooledMeanSd(parts: Array<{ mean: number; sd: number | null; n: number }>): MeanSd | undefined {
  const usable = parts.filter((p) => p.n > 0 && Number.isFinite(p.mean));
  const n = usable.reduce((a, p) => a + p.n, 0);
  if (n === 0) return undefined;
  const mean = usable.reduce((a, p) => a + p.mean * p.n, 0) / n;
  if (n < 2) return { mean, sd: null, n };
  const ss = usable.reduce((a, p) => a + (p.n - 1) * (p.sd ?? 0) ** 2 + p.n * (p.mean - mean) ** 2, 0);
  return { mean, sd: Math.sqrt(ss / (n - 1)), n };
}

/**
 * A trial analysed in 3D is read from its 3D analysis alone: it saw both legs, in both planes, from
 * all its calibrated cameras at once, and counts each stride once.
 */
function preferTriangulated(views: readonly TrialAnalysisView[]): TrialAnalysisView[] {
  const in3d = new Set(views.filter((v) => v.camera === TRIANGULATED_CAMERA).map((v) => v.trialId));
  return views.filter((v) => !in3d.has(v.trialId) || v.camera === TRIANGULATED_CAMERA);
}

/**
 * The cameras of one trial saw the same strides: pooling them would count each twice. So per trial
 * one camera gives a side's cycles and parameters, and per variable one camera its curve: the one
 * that saw this leg as the near one (a camera on each side gives each leg from its own), else a
 * side camera, else the first. A frontal camera's variables still come from it.
 */
function byTrial(views: readonly TrialAnalysisView[]): TrialAnalysisView[][] {
  const trials = new Map<string, TrialAnalysisView[]>();
  for (const v of views) trials.set(v.trialId, [...(trials.get(v.trialId) ?? []), v]);
  return [...trials.values()];
}

function preferred<T>(
  candidates: readonly T[],
  near: (c: T) => boolean,
  sagittal: (c: T) => boolean,
): T | undefined {
  return candidates.find(near) ?? candidates.find(sagittal) ?? candidates[0];
}

/** Per trial, the camera that gives a side's cycles and spatiotemporal parameters. */
function timingViews(views: readonly TrialAnalysisView[], side: SideName): TrialAnalysisView[] {
  const hasSide = (v: TrialAnalysisView) => v.cycles.some((c) => c.side === side);
  const isNear = (v: TrialAnalysisView) => hasSide(v) && v.view === 'sagittal' && !farLegs(v).includes(side);
  return byTrial(views).flatMap((vs) => {
    const v = preferred(vs.filter(hasSide), isNear, (x) => x.view === 'sagittal');
    return v ? [v] : [];
  });
}

/**
 * What the report's reader must know of the trials its numbers come from: cycles flagged by the
 * analysis (left out, or kept with a caveat such as a foot at the picture's edge) and low pose
 * confidence inside the walking passes; analyses that no longer match their cameras (a 3D analysis
 * made before a camera was re-synchronised, say); cameras whose view label looks wrong, that see
 * the leg they are named beside as the far one (a mirror image, or filed on the wrong side), that moved,
 * that looked at the walkway at an angle (lengths off at its ends), or that saw another person walk
 * with the patient (the automatic choice of whom to follow is then uncertain). The far leg is
 * left to the report's own note, which knows whether another trial saw that leg near.
 */
function analysisNotes(views: readonly TrialAnalysisView[], trialName: (id: string) => string): string[] {
  const from = new Map<TrialAnalysisView, SideName[]>();
  for (const side of ['left', 'right'] as const)
    for (const v of timingViews(views, side)) from.set(v, [...(from.get(v) ?? []), side]);
  const about = (v: TrialAnalysisView) => (text: string) => ({ v, text });
  const notes: Array<{ v: TrialAnalysisView; text: string }> = [
    ...views.filter((v) => v.outOfDate).map((v) => about(v)(v.outOfDate!)),
    ...views
      .filter((v) => v.viewDoubt)
      .map((v) => about(v)(`${v.viewDoubt} Its curves are left out of this report.`)),
    // Where speed and lengths come from, or why they are missing, when not from the floor.
    ...views
      .filter((v) => v.mode === 'treadmill')
      .map((v) =>
        about(v)(
          v.beltSpeedMps != null
            ? `treadmill walking: walking speed is the belt speed entered (${v.beltSpeedMps.toFixed(2)} m/s), stride and step length are belt speed x time; treadmill and overground walking are not alike.`
            : `the patient walks in place in the picture (a treadmill, or a camera following the patient) and no belt speed was entered: ${LENGTHS_FROM_STEPS}.`,
        ),
      ),
    ...views.flatMap((v) =>
      v.warnings
        .filter(
          (w) =>
            isPersonNote(w) ||
            // Left and right may be exchanged in all of this camera's numbers.
            w.includes(CAMERA_SIDE_NOTE_MARK) ||
            [
              MOVING_CAMERA_NOTE_START,
              SIZE_CHANGE_NOTE_START,
              SMALL_SUBJECT_NOTE_START,
              LOW_FRAME_RATE_NOTE_START,
              // Knee and ankle angles where a walker's frame or a crutch hides the legs are guesses.
              WALKING_AID_NOTE_START,
              // Frames of a damaged file left out: the walk there is not in the numbers.
              DAMAGED_PICTURE_NOTE_START,
            ].some((start) => w.startsWith(start)),
        )
        .map(about(v)),
    ),
  ];
  for (const [v, sides] of from) {
    // Cycles of one side with the same caveat are named together (a patient walking to and fro
    // leaves the picture's edge at the end of every other pass).
    const alike = new Map<string, { side: SideName; what: string; numbers: number[] }>();
    for (const c of v.cycles.filter((x) => sides.includes(x.side))) {
      const flags = c.flags.filter((f) => f !== 'excluded-by-user' && f !== 'far-side');
      if (flags.length === 0 || c.excludedByUser) continue;
      const what = `${c.excluded ? 'left out' : 'kept'} (${flags.map(cycleFlagText).join('; ')})`;
      const key = `${c.side} ${what}`;
      const group = alike.get(key) ?? { side: c.side, what, numbers: [] };
      group.numbers.push(c.index + 1);
      alike.set(key, group);
    }
    const parts = [...alike.values()].map(
      ({ side, what, numbers }) =>
        `${side} ${numbers.length === 1 ? 'cycle' : 'cycles'} ${listInWords(numbers)} ${what}`,
    );
    const low = lowConfidenceInsidePasses(v);
    if (low.length > 0)
      parts.push(
        `low pose confidence (below 0.5, doubted mid-walk, a leg heaped up in the picture, or the pelvis or a foot lost in mid-walk) on ${low.length} frames inside the walking passes (frames ${frameRunsText(low)}): values there are less reliable`,
      );
    if (parts.length > 0) notes.push(about(v)(`${parts.join('; ')}.`));
  }
  // The same note of several trials of one camera is said once, naming them: a session of six
  // walks, each leaving the picture at the same place, gave six sentences differing by a name.
  const alike = new Map<string, { camera: string; text: string; trialIds: string[] }>();
  for (const { v, text } of notes) {
    const camera = cameraName(v.camera);
    const key = `${camera}\n${text}`;
    const group = alike.get(key) ?? { camera, text, trialIds: [] };
    if (!group.trialIds.includes(v.trialId)) group.trialIds.push(v.trialId);
    alike.set(key, group);
  }
  return [...alike.values()].map(
    ({ camera, text, trialIds }) =>
      `${trialIds.length === 1 ? 'trial' : 'trials'} ${listInWords(trialIds.map(trialName))} (${camera}): ${text}`,
  );
}

function sideInput(views: readonly TrialAnalysisView[], side: SideName): SideAnalysisInput | undefined {
  const trials = byTrial(views);
  const timing = timingViews(views, side);
  const cycleCount = timing.reduce(
    (a, v) => a + v.cycles.filter((c) => c.side === side && !c.excluded).length,
    0,
  );
  if (cycleCount === 0) return undefined;
  const kinematics: Partial<Record<GaitVariable, KinematicCurveInput>> = {};
  // A leg's curves come from trials that saw it near whenever there are any (walks in both
  // directions past one side camera), else from the far ones, marked.
  const byVariable = new Map<
    GaitVariable,
    { near: Array<Array<number | null>>; far: Array<Array<number | null>> }
  >();
  for (const vs of trials) {
    // A camera whose view label looks wrong gives no curve (its note says so).
    const curves = vs
      .filter((v) => !v.viewDoubt)
      .flatMap((v) =>
        v.curves.filter((c) => c.side === side).map((curve) => ({ curve, sagittal: v.view === 'sagittal' })),
      );
    for (const variable of new Set(curves.map((c) => c.curve.variable))) {
      const mapped = reportVariable(variable);
      if (!mapped) continue;
      const chosen = preferred(
        curves.filter((c) => c.curve.variable === variable),
        (c) => c.sagittal && !c.curve.farSide,
        (c) => c.sagittal,
      )!.curve;
      const lists = byVariable.get(mapped.variable) ?? { near: [], far: [] };
      const list = chosen.farSide ? lists.far : lists.near;
      for (const c of chosen.cycles) {
        if (!c.excluded) list.push(c.values.map((x) => (x === null ? null : x * mapped.sign)));
      }
      byVariable.set(mapped.variable, lists);
    }
  }
  for (const [variable, { near, far }] of byVariable) {
    const cycles = near.length > 0 ? near : far;
    const curve = cycles.length > 0 ? pooledCurve(cycles) : undefined;
    if (curve) kinematics[variable] = near.length > 0 ? curve : { ...curve, farSide: true };
  }
  const spatiotemporal: Partial<Record<SpatiotemporalParameter, MeanSd>> = {};
  const names = new Set(timing.flatMap((v) => v.parameters.map((p) => p.parameter)));
  for (const name of names) {
    const parameter = reportParameter(name);
    if (!parameter) continue;
    const parts = timing.flatMap((v) => {
      const p = v.parameters.find((x) => x.parameter === name)?.[side];
      return p && p.mean !== null ? [{ mean: p.mean, sd: p.sd, n: p.n }] : [];
    });
    const pooled = pooledMeanSd(parts);
    if (pooled) spatiotemporal[parameter] = pooled;
  }
  const footOff = spatiotemporal.footOffPct?.mean;
  return {
    cycleCount,
    spatiotemporal,
    kinematics,
    ...(footOff === undefined ? {} : { footOffPct: footOff }),
  };
}

const str = (v: unknown): string | undefined =>
  v === null || v === undefined || v === '' ? undefined : String(v);

/** The pose model a trial's analysis ran, as the report's provenance names it. */
function poseModelOf(p: TrialAnalysisView['provenance']): string {
  // A marker-based trial (a motion-capture system's file) ran no pose model.
  const markers =
    str(p.markerFile) &&
    `none: markers of a motion-capture system (${str(p.markerFormat)} file ${str(p.markerFile)})`;
  return [
    markers,
    str(p.landmarkModel),
    str(p.personModel) && `person finder ${str(p.personModel)}`,
    str(p.modelPackage),
  ]
    .filter(Boolean)
    .join(', ');
}

/** Where a trial's pose inference ran. */
function backendOf(p: TrialAnalysisView['provenance']): string {
  return [
    str(p.markerFile) && 'none',
    str(p.backend),
    str(p.workers) && `${str(p.workers)} workers`,
    str(p.cpu),
  ]
    .filter(Boolean)
    .join(', ');
}

/** A trial camera as the report names it: the stored "3d" is no camera a reader can look for. */
const cameraName = (camera: string): string => (camera === TRIANGULATED_CAMERA ? '3D' : camera);

/**
 * `trialNames` (trial id -> name, e.g. "Walk 1") names trials in notes and provenance; a trial
 * without one, or whose name another trial of the session shares, is named by its id.
 */
export function sessionAnalysisInput(
  views: readonly TrialAnalysisView[],
  trialNames: ReadonlyMap<string, string> = new Map(),
): SessionAnalysisInput {
  const names = [...trialNames.values()];
  const trialName = (id: string) => {
    const name = trialNames.get(id);
    return name && names.filter((n) => n === name).length === 1 ? `"${name}"` : id.slice(0, 8);
  };
  const trialLabel = (id: string) => `trial ${trialName(id)}`;
  const analysed = preferTriangulated(views.filter((v) => v.status === 'analysed'));
  const left = sideInput(analysed, 'left');
  const right = sideInput(analysed, 'right');
  const handEditedEvents: HandEditedEvent[] = analysed.flatMap((v) =>
    v.eventsEditedByHand
      ? v.events
          .filter((e) => e.source === 'manual')
          .map((e) => ({
            trialId: v.trialId,
            side: e.side,
            event: e.kind === 'initial-contact' ? ('foot-strike' as const) : ('foot-off' as const),
            editedTimeS: e.timeS,
          }))
      : [],
  );
  // Each provenance line as the trials' analyses give it: one value when they agree, else each
  // value with the trials it holds for (a session pooling marker-based and video trials, or trials
  // analysed by different app versions, must not be reported as the first trial's alone).
  const perTrial = (
    value: (p: TrialAnalysisView['provenance'], v: TrialAnalysisView) => string | undefined,
  ): string => {
    const groups = new Map<string, string[]>();
    for (const v of analysed) {
      const text = value(v.provenance, v) || 'unknown';
      groups.set(text, [...(groups.get(text) ?? []), trialLabel(v.trialId)]);
    }
    if (groups.size <= 1) return [...groups.keys()][0] ?? 'unknown';
    // Groups apart by " | ": the values themselves hold commas and semicolons.
    return [...groups].map(([text, trials]) => `${text} (${[...new Set(trials)].join(', ')})`).join(' | ');
  };
  // The latest of the trials' analyses (ISO times sort as text).
  const analysedAt = analysed
    .map((v) => str(v.provenance.poseFinishedAt ?? v.provenance.analysedAt))
    .filter((t): t is string => t !== undefined)
    .sort()
    .at(-1);
  const notes = analysisNotes(analysed, trialName);
  const scaled = analysed.some((v) => lengthsSource(v) !== undefined);
  const byMarkers = analysed.filter((v) => v.camera === MARKER_CAPTURE_CAMERA).length;
  return {
    ...(left ? { left } : {}),
    ...(right ? { right } : {}),
    ...(notes.length > 0 ? { notes } : {}),
    ...(byMarkers > 0
      ? {
          measuredWith: byMarkers === analysed.length ? ('markers' as const) : ('video and markers' as const),
        }
      : {}),
    provenance: {
      appVersion: perTrial((p) => str(p.appVersion)),
      poseModel: perTrial(poseModelOf),
      inferenceBackend: perTrial(backendOf),
      filterSettings: perTrial((p) =>
        [str(p.filter), str(p.eventMethod) && `events: ${str(p.eventMethod)}`].filter(Boolean).join('; '),
      ),
      cameras: analysed.map((v) => ({
        id: v.camera,
        label: trialLabel(v.trialId),
        view:
          v.camera === TRIANGULATED_CAMERA
            ? '3D, triangulated from calibrated cameras'
            : v.camera === MARKER_CAPTURE_CAMERA
              ? `3D markers (${str(v.provenance.markerFormat) ?? 'marker'} file)`
              : v.view,
        ...(str(v.provenance.videoSizePx) ? { resolution: str(v.provenance.videoSizePx)! } : {}),
        frameRateHz: Math.round(v.fps * 100) / 100,
        ...(v.provenance.interlaced ? { interlaced: true } : {}),
        ...(typeof v.provenance.slowMotionFactor === 'number'
          ? { slowMotionFactor: v.provenance.slowMotionFactor }
          : {}),
      })),
      handEditedEvents,
      excludedCycles: analysed.flatMap((v) =>
        v.cycles
          .filter((c) => c.excludedByUser)
          .map((c) => `${trialLabel(v.trialId)} ${c.side} cycle ${c.index + 1}`),
      ),
      ...(scaled ? { scaleSource: perTrial((_p, v) => lengthsSource(v)) } : {}),
      trialIds: analysed.map((v) => v.trialId),
      ...(analysedAt ? { analysedAt } : {}),
    },
  };
}

/** Where an analysis' lengths come from: its scale, or on a treadmill the belt speed (or the steps). */
function lengthsSource(v: TrialAnalysisView): string | undefined {
  if (v.mode !== 'treadmill') return v.scale?.description;
  // Analyses stored before the belt speed was kept have no field: none was given then.
  const belt = v.beltSpeedMps ?? null;
  return belt === null
    ? `${v.scale?.description ?? 'no scale'}; steps measured at each contact (walking in place in the picture, no belt speed entered)`
    : `treadmill belt speed ${belt.toFixed(2)} m/s (length = belt speed x time)`;
}
