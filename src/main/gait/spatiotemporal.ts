// Spatiotemporal parameters per cycle, then mean and SD per side and left/right asymmetry.
// Timing comes from events alone; distances need positions along the direction of travel and a
// metric scale (null when not available, never a made-up number).

import { meanSd, type GaitCycle } from './cycles';
import { sampleAt } from './peaks';
import { anyMarked } from './picture-edge';
import { otherSide, type GaitEvent, type MeanSd, type Side } from './types';

export const SPATIOTEMPORAL_UNITS = {
  speedMps: 'm/s',
  cadenceStepsPerMin: 'steps/min',
  strideLengthM: 'm',
  stepLengthM: 'm',
  /** Lateral distance between the feet at contact: 3D data only. */
  stepWidthM: 'm',
  strideTimeS: 's',
  stepTimeS: 's',
  stancePct: '% cycle',
  swingPct: '% cycle',
  singleSupportPct: '% cycle',
  doubleSupportPct: '% cycle',
  footOffPct: '% cycle',
  oppositeFootOffPct: '% cycle',
  oppositeFootContactPct: '% cycle',
} as const;

export type SpatiotemporalParameter = keyof typeof SPATIOTEMPORAL_UNITS;

/** Every spatiotemporal parameter, in the order of SPATIOTEMPORAL_UNITS. */
export const SPATIOTEMPORAL_KEYS = Object.keys(SPATIOTEMPORAL_UNITS) as readonly SpatiotemporalParameter[];

export type CycleSpatiotemporal = { side: Side; cycleIndex: number } & Record<
  SpatiotemporalParameter,
  number | null
>;

export interface SpatiotemporalResult {
  perCycle: CycleSpatiotemporal[];
  /** Mean and SD over the included cycles of each side. */
  bySide: Record<Side, Record<SpatiotemporalParameter, MeanSd>>;
  /** Symmetry index 100 * (left - right) / mean(left, right), percent; null if a side is missing. */
  asymmetryPct: Record<SpatiotemporalParameter, number | null>;
  units: typeof SPATIOTEMPORAL_UNITS;
}

export interface SpatiotemporalInput {
  cycles: readonly GaitCycle[];
  events: readonly GaitEvent[];
  rateHz: number;
  /** Position along the direction of travel of each foot's contact point, and of the pelvis. */
  footForward?: Record<Side, ArrayLike<number>>;
  pelvisForward?: ArrayLike<number>;
  /** Position of each foot's contact point toward the subject's left (3D data only). */
  footLateral?: Record<Side, ArrayLike<number>>;
  /**
   * 1 where a foot touches the picture's edge (one camera): stride and step length are not
   * measured from that foot at those frames.
   */
  footAtEdge?: Record<Side, ArrayLike<number>>;
  /**
   * 1 on frames where the camera moved (camera-motion.ts): stride length and speed of cycles there
   * are made from the steps, each measured at its contact.
   */
  cameraMoving?: ArrayLike<number>;
  /** null when the data have no metric scale: distances and speed are then null. */
  metresPerUnit: number | null;
  /**
   * On a treadmill positions do not advance: lengths come from belt speed x time when given, else
   * from the steps, each measured at its contact.
   */
  treadmillBeltSpeedMps?: number;
  treadmill?: boolean;
}

/**
 * The other foot's events inside a cycle [start, end): its contact (near mid-cycle) and the foot
 * off that precedes that contact. A cycle holds one of each; taking merely the first foot off in
 * the cycle would, when the one just after contact was missed or fell a frame before it, take the
 * next stride's foot off near 100 % and print single/double support and "opposite foot off" that
 * no walker has. A missing event gives undefined, never a neighbour's.
 */
export function oppositeEvents(
  events: ReadonlyArray<Pick<GaitEvent, 'side' | 'kind' | 'frame'>>,
  opposite: Side,
  startFrame: number,
  endFrame: number,
): { oppositeFootOff: number | undefined; oppositeContact: number | undefined } {
  const of = (kind: GaitEvent['kind'], from: number, to: number) =>
    events
      .filter((ev) => ev.side === opposite && ev.kind === kind && ev.frame > from && ev.frame < to)
      .map((ev) => ev.frame);
  // Several contacts in one cycle (a spurious event) leave the one nearest mid-cycle.
  const middle = (startFrame + endFrame) / 2;
  const contacts = of('initial-contact', startFrame, endFrame).sort(
    (a, b) => Math.abs(a - middle) - Math.abs(b - middle),
  );
  const oppositeContact = contacts[0];
  const offs = of('foot-off', startFrame, oppositeContact ?? middle);
  return { oppositeFootOff: offs[0], oppositeContact };
}

export function computeSpatiotemporal(input: SpatiotemporalInput): SpatiotemporalResult {
  const { rateHz, events } = input;
  const perCycle: CycleSpatiotemporal[] = [];
  for (const c of input.cycles) {
    if (c.excluded) continue;
    const opp = otherSide(c.side);
    const s = c.startFrame;
    const e = c.endFrame;
    const stride = e - s;
    const pct = (f: number | undefined) => (f === undefined ? null : (100 * (f - s)) / stride);
    const { oppositeFootOff: oppFo, oppositeContact: oppIc } = oppositeEvents(events, opp, s, e);
    const fo = c.footOffFrame;
    const strideTimeS = stride / rateHz;
    const footOffPct = pct(fo);
    const oppositeFootOffPct = pct(oppFo);
    const oppositeFootContactPct = pct(oppIc);
    const valid =
      footOffPct !== null &&
      oppositeFootOffPct !== null &&
      oppositeFootContactPct !== null &&
      oppositeFootOffPct < oppositeFootContactPct &&
      oppositeFootContactPct < footOffPct;
    let strideLengthM: number | null = null;
    let stepLengthM: number | null = null;
    let speedMps: number | null = null;
    let stepWidthM: number | null = null;
    const m = input.metresPerUnit;
    if (m !== null && input.footLateral) {
      const w = Math.abs(sampleAt(input.footLateral[c.side], e) - sampleAt(input.footLateral[opp], e)) * m;
      stepWidthM = Number.isFinite(w) ? w : null;
    }
    const feet = input.footForward;
    const atEdge = (side: Side, f: number) => {
      const mask = input.footAtEdge?.[side];
      return mask !== undefined && anyMarked(mask, f, f);
    };
    // How far this foot is ahead of the other at frame f: at a contact both feet are on the floor,
    // so the distance is the floor's at that instant, whether the floor moves through the picture
    // (a treadmill belt, a camera that follows the walker) or not.
    const stepAt = (side: Side, f: number): number | null => {
      if (m === null || !feet) return null;
      const d = (sampleAt(feet[side], f) - sampleAt(feet[otherSide(side)], f)) * m;
      return Number.isFinite(d) && !atEdge(side, f) && !atEdge(otherSide(side), f) ? d : null;
    };
    const groundMoves =
      input.treadmill || (input.cameraMoving !== undefined && anyMarked(input.cameraMoving, s, e));
    if (input.treadmill && input.treadmillBeltSpeedMps !== undefined) {
      speedMps = input.treadmillBeltSpeedMps;
      strideLengthM = speedMps * strideTimeS;
      stepLengthM = oppIc !== undefined ? (speedMps * (e - oppIc)) / rateHz : null;
    } else if (groundMoves) {
      // The floor under the feet moved between the two contacts of a stride: a stride is the two
      // steps it is made of, each measured at its own contact, and speed the stride over its time.
      stepLengthM = stepAt(c.side, e);
      const oppositeStep = oppIc !== undefined ? stepAt(opp, oppIc) : null;
      strideLengthM = stepLengthM !== null && oppositeStep !== null ? stepLengthM + oppositeStep : null;
      speedMps = strideLengthM !== null ? strideLengthM / strideTimeS : null;
    } else if (m !== null && feet && input.pelvisForward) {
      const own = feet[c.side];
      const len = (sampleAt(own, e) - sampleAt(own, s)) * m;
      strideLengthM = Number.isFinite(len) && !atEdge(c.side, s) && !atEdge(c.side, e) ? len : null;
      stepLengthM = stepAt(c.side, e);
      // Stride length over stride time, as Vicon's and most labs' gait parameters define speed: the
      // pelvis is not on the floor, and one side camera's floor scale (or a tilted view's
      // perspective) gave it 3-6 % more speed than the feet's strides on a virtual walk. The
      // pelvis' own travel stands in when the stride could not be measured (a foot at the edge).
      const v =
        strideLengthM !== null
          ? strideLengthM / strideTimeS
          : ((sampleAt(input.pelvisForward, e) - sampleAt(input.pelvisForward, s)) * m) / strideTimeS;
      speedMps = Number.isFinite(v) ? v : null;
    }
    perCycle.push({
      side: c.side,
      cycleIndex: c.index,
      speedMps,
      cadenceStepsPerMin: 120 / strideTimeS,
      strideLengthM,
      stepLengthM,
      stepWidthM,
      strideTimeS,
      stepTimeS: oppIc !== undefined ? (e - oppIc) / rateHz : null,
      stancePct: footOffPct,
      swingPct: footOffPct === null ? null : 100 - footOffPct,
      singleSupportPct: valid ? oppositeFootContactPct - oppositeFootOffPct : null,
      doubleSupportPct: valid ? oppositeFootOffPct + (footOffPct - oppositeFootContactPct) : null,
      footOffPct,
      oppositeFootOffPct,
      oppositeFootContactPct,
    });
  }
  const params = SPATIOTEMPORAL_KEYS;
  const summarise = (side: Side) =>
    Object.fromEntries(
      params.map((p) => [
        p,
        meanSd(
          perCycle
            .filter((c) => c.side === side)
            .map((c) => c[p])
            .filter((v): v is number => v !== null),
        ),
      ]),
    ) as Record<SpatiotemporalParameter, MeanSd>;
  const bySide = { left: summarise('left'), right: summarise('right') };
  const asymmetryPct = Object.fromEntries(
    params.map((p) => {
      const l = bySide.left[p];
      const r = bySide.right[p];
      if (l.n === 0 || r.n === 0 || l.mean + r.mean === 0) return [p, null];
      return [p, (100 * (l.mean - r.mean)) / ((l.mean + r.mean) / 2)];
    }),
  ) as Record<SpatiotemporalParameter, number | null>;
  return { perCycle, bySide, asymmetryPct, units: SPATIOTEMPORAL_UNITS };
}
