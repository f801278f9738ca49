// Picks the subject among the people seen in a quick scan of sampled frames, and says where
// the subject should be at any frame. Scenes often hold bystanders (the Sports2D clip has a
// person on a box in view from the first frame, before the walker enters): in a gait trial the
// subject is the person who travels, unless the caller points at someone. When nobody travels
// (treadmill, balance), the subject is the one whose legs move: a therapist or parent standing by
// keeps their feet still, often while being the tallest person in the picture.
import { WALKED_BODY_HEIGHTS } from '../../../shared/person-travel';
import { boxCentre, boxIou, COCO, type Person } from './people';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Left ankle minus right ankle, frame pixels: how the legs stand at a sampled frame. */
export interface AnkleOffset {
  dx: number;
  dy: number;
}

export interface ScanSample {
  frame: number;
  boxes: Box[];
  /** Per box, the ankle offset when both ankles were found confidently, else null. */
  ankles?: Array<AnkleOffset | null>;
}

export interface SubjectTrack {
  /** Sampled frames where the subject was seen, ascending, with its box there. */
  frames: number[];
  boxes: Box[];
  /** Per sample, the ankle offset (null: an ankle not found). Absent in scans stored before. */
  ankles?: Array<AnkleOffset | null>;
  /**
   * Sample indices where the subject comes back into view after being out of it (a patient
   * walking several passes): no box is interpolated across such a break.
   */
  breaks?: number[];
}

/** The ankle offset of a person found by the person finder, when both ankles are confident. */
export function ankleOffset(p: Person, minScore = 0.3): AnkleOffset | null {
  const l = COCO.leftAnkle;
  const r = COCO.rightAnkle;
  if (!(p.score[l]! >= minScore && p.score[r]! >= minScore)) return null;
  return { dx: p.xPx[l]! - p.xPx[r]!, dy: p.yPx[l]! - p.yPx[r]! };
}

export type PersonSelection =
  { kind: 'moving' } | { kind: 'index'; index: number } | { kind: 'box'; box: Box; frame?: number };

const height = (b: Box): number => Math.max(1, b.y1 - b.y0);

/**
 * Links boxes of consecutive samples into tracks: nearest centre, in body heights, allowing a
 * missed sample or two (occlusion, a weak detection).
 */
export function linkTracks(samples: ScanSample[], maxJumpHeights = 1.5, maxGapSamples = 2): SubjectTrack[] {
  const tracks: Array<SubjectTrack & { ankles: Array<AnkleOffset | null>; lastSample: number }> = [];
  samples.forEach((sample, si) => {
    const candidates: Array<{ t: number; b: number; cost: number }> = [];
    sample.boxes.forEach((box, b) => {
      const [cx, cy] = boxCentre(box);
      tracks.forEach((track, t) => {
        // A person seen once (a false detection, someone passing) bridges at most one missed sample.
        if (si - track.lastSample > (track.frames.length >= 2 ? maxGapSamples + 1 : 2)) return;
        const prev = track.boxes[track.boxes.length - 1]!;
        const scale = (height(prev) + height(box)) / 2;
        const from = (p: [number, number]): number => Math.hypot(cx - p[0], cy - p[1]) / scale;
        // Where the person was last seen, or where their pace since the sample before takes them:
        // a walker hidden behind a pillar reappears further on, not where she went out of sight
        // (nearer to which a bystander may stand).
        const ahead = predictedCentre(track, sample.frame);
        const gap = si - track.lastSample;
        // From one sample to the next (a second or so), feet that move up or down by more than a
        // walker's do count against the link by the excess: with the walk's picture cut through her
        // feet, the man on the box, missed at one sample, was continued by her a body height lower,
        // and the pose jumped from him to her.
        const feetShift = gap === 1 ? Math.abs(box.y1 - prev.y1) / scale : 0;
        const cost =
          Math.min(from(boxCentre(prev)), ahead ? from(ahead) : Infinity) +
          Math.abs(Math.log(height(box) / height(prev))) +
          Math.max(0, feetShift - MAX_FEET_SHIFT_HEIGHTS);
        // Across missed samples, feet seen higher than where the person last stood are someone
        // else's: a walker who left the picture is not continued by a man standing on a box. (Down
        // is possible: a man jumping off the box while the detector missed him stays one person.)
        if (gap > 1 && (prev.y1 - box.y1) / scale > MAX_FEET_SHIFT_HEIGHTS) return;
        if (cost <= maxJumpHeights * gap) candidates.push({ t, b, cost });
      });
    });
    candidates.sort((a, b) => a.cost - b.cost);
    const usedT = new Set<number>();
    const usedB = new Set<number>();
    for (const c of candidates) {
      if (usedT.has(c.t) || usedB.has(c.b)) continue;
      usedT.add(c.t);
      usedB.add(c.b);
      const track = tracks[c.t]!;
      track.frames.push(sample.frame);
      track.boxes.push(sample.boxes[c.b]!);
      track.ankles.push(sample.ankles?.[c.b] ?? null);
      track.lastSample = si;
    }
    sample.boxes.forEach((box, b) => {
      if (!usedB.has(b))
        tracks.push({
          frames: [sample.frame],
          boxes: [box],
          ankles: [sample.ankles?.[b] ?? null],
          lastSample: si,
        });
    });
  });
  return tracks.map(({ frames, boxes, ankles }) => ({ frames, boxes, ankles }));
}

/** Box centre at `frame` if the track kept the velocity of its last two samples; undefined before two. */
function predictedCentre(track: SubjectTrack, frame: number): [number, number] | undefined {
  const n = track.frames.length;
  if (n < 2) return undefined;
  const [ax, ay] = boxCentre(track.boxes[n - 2]!);
  const [bx, by] = boxCentre(track.boxes[n - 1]!);
  const k = (frame - track.frames[n - 1]!) / (track.frames[n - 1]! - track.frames[n - 2]!);
  return [bx + (bx - ax) * k, by + (by - ay) * k];
}

/**
 * A walker's feet stay on one floor: between samples the box's bottom edge moves by a fraction
 * of the body's height (walking toward a camera about 0.1-0.3), while climbing down, jumping or
 * falling moves it by more.
 */
const MAX_FEET_SHIFT_HEIGHTS = 0.5;

/**
 * Distance walked by the box centre, in body heights: steps between samples in which the feet
 * change level (a bystander jumping off a box travels as far as a walker) do not count.
 */
export function travelHeights(track: SubjectTrack): number {
  let sum = 0;
  for (let i = 1; i < track.boxes.length; i++) {
    const a = track.boxes[i - 1]!;
    const b = track.boxes[i]!;
    const scale = (height(a) + height(b)) / 2;
    if (Math.abs(b.y1 - a.y1) / scale > MAX_FEET_SHIFT_HEIGHTS) continue;
    const [ax, ay] = boxCentre(a);
    const [bx, by] = boxCentre(b);
    sum += Math.hypot(bx - ax, by - ay) / scale;
  }
  return sum;
}

const meanHeight = (t: SubjectTrack): number => t.boxes.reduce((s, b) => s + height(b), 0) / t.boxes.length;

/**
 * How much the legs move: the mean change of the ankle offset between consecutive samples where
 * both ankles were found, in body heights (a standing person ~0.01-0.03; a treadmill walker,
 * sampled at unrelated phases of the stride, or someone balancing on one leg, several times more).
 * 0 when fewer than two such samples.
 */
export function legMotionHeights(track: SubjectTrack): number {
  const a = track.ankles ?? [];
  let sum = 0;
  let n = 0;
  for (let i = 1; i < a.length; i++) {
    const p = a[i - 1];
    const q = a[i];
    if (!p || !q) continue;
    const scale = (height(track.boxes[i - 1]!) + height(track.boxes[i]!)) / 2;
    sum += Math.hypot(q.dx - p.dx, q.dy - p.dy) / scale;
    n++;
  }
  return n > 0 ? sum / n : 0;
}

/** A difference in leg motion this large (body heights per sample) tells the subject apart. */
const LEG_MOTION_MARGIN = 0.05;

/** Tracks ordered the way `index` selection counts them: seen longest first, then tallest. */
export function orderTracks(tracks: SubjectTrack[]): SubjectTrack[] {
  return [...tracks].sort((a, b) => b.frames.length - a.frames.length || meanHeight(b) - meanHeight(a));
}

/**
 * The people a user may choose from, in `index` order. Single-sample tracks are mostly false
 * detections; they are kept only when nothing else exists.
 */
export function candidatePeople(tracks: SubjectTrack[]): SubjectTrack[] {
  const solid = tracks.filter((t) => t.frames.length >= 2);
  return orderTracks(solid.length > 0 ? solid : tracks);
}

/** The sample where this person is seen largest: the frame and box that best point them out. */
export function clearestSample(track: SubjectTrack): { frame: number; box: Box } {
  let best = 0;
  track.boxes.forEach((b, i) => {
    if (height(b) > height(track.boxes[best]!)) best = i;
  });
  return { frame: track.frames[best]!, box: track.boxes[best]! };
}

export function chooseSubject(tracks: SubjectTrack[], selection: PersonSelection): SubjectTrack | undefined {
  const pool = candidatePeople(tracks);
  if (pool.length === 0) return undefined;
  if (selection.kind === 'index') return pool[selection.index];
  if (selection.kind === 'box') {
    const frame = selection.frame ?? 0;
    let best: SubjectTrack | undefined;
    let bestScore = 0;
    for (const t of tracks) {
      const box = expectedBoxAt(t, frame, Infinity);
      const score = box ? boxIou(box, selection.box) : 0;
      if (score > bestScore) {
        bestScore = score;
        best = t;
      }
    }
    return best;
  }
  const ranked = [...pool].sort((a, b) => movingOrder(a, b).order);
  return ranked[0];
}

/** A difference in travel this large (body heights) tells the walker apart. */
const TRAVEL_MARGIN_HEIGHTS = 1;

/**
 * A walker who travelled this many times as far as another person tells apart from them even by
 * less than the margin: in a short clip or a narrow view she crosses in 1-2 body heights, while a
 * bystander's box jitters a few tenths (the Sports2D walk cut to 3.7 s: 1.2 against 0.3).
 */
const TRAVEL_RATIO = 3;

/** Whether two people's travel (body heights) tells the walker among them apart. */
export function travelTellsApart(aHeights: number, bHeights: number): boolean {
  const far = Math.max(aHeights, bHeights);
  const near = Math.min(aHeights, bHeights);
  return far - near > TRAVEL_MARGIN_HEIGHTS || (far >= WALKED_BODY_HEIGHTS && far >= TRAVEL_RATIO * near);
}

/** Which rule of the automatic choice put one person before another. */
export type ChoiceRule = 'travel' | 'leg-motion' | 'seen-longer' | 'taller';

/**
 * The automatic choice between two people (negative: `a` first). The person who travels further
 * (by more than a body height, or a walker three times as far); among people who stay put
 * (balance, treadmill), the one whose legs move; then the longest-seen and the tallest.
 */
export function movingOrder(a: SubjectTrack, b: SubjectTrack): { order: number; rule: ChoiceRule } {
  const ta = travelHeights(a);
  const tb = travelHeights(b);
  if (travelTellsApart(ta, tb)) return { order: tb - ta, rule: 'travel' };
  const la = legMotionHeights(a);
  const lb = legMotionHeights(b);
  if (Math.abs(la - lb) > LEG_MOTION_MARGIN) return { order: lb - la, rule: 'leg-motion' };
  if (b.frames.length !== a.frames.length)
    return { order: b.frames.length - a.frames.length, rule: 'seen-longer' };
  return { order: meanHeight(b) - meanHeight(a), rule: 'taller' };
}

/** Seen on two samples or more, and walking at least a body height: a walker. */
const isWalker = (t: SubjectTrack): boolean =>
  t.frames.length >= 2 && travelHeights(t) >= WALKED_BODY_HEIGHTS;

const span = (t: SubjectTrack): [number, number] => [t.frames[0]!, t.frames[t.frames.length - 1]!];

/** Two people in view at the same time (their sampled spans share a frame). */
const together = (x: SubjectTrack, y: SubjectTrack): boolean =>
  span(x)[0] <= span(y)[1] && span(x)[1] >= span(y)[0];

/**
 * A walking subject's other appearances: walkers the scan saw only while the subject was out of
 * view, and alone. A patient walking a pass, leaving the picture and coming back for the next is
 * linked as one person per pass; a bystander in view at the same time as the patient is never
 * joined, nor is either of two people walking together while the patient is out of view (which one
 * came back cannot be told). The tracks of `pool` joined to `subject`, in time order (the subject
 * included).
 */
export function subjectAppearances(subject: SubjectTrack, pool: readonly SubjectTrack[]): SubjectTrack[] {
  const parts = [subject];
  const walkers = pool
    .filter((t) => t !== subject && isWalker(t))
    .sort((a, b) => travelHeights(b) - travelHeights(a));
  for (const t of walkers) {
    const alone = walkers.every((o) => o === t || !together(o, t));
    if (alone && parts.every((p) => !together(p, t))) parts.push(t);
  }
  return parts.sort((x, y) => span(x)[0] - span(y)[0]);
}

/** Several appearances as one track, with a break where each later one starts. */
export function joinAppearances(parts: readonly SubjectTrack[]): SubjectTrack {
  if (parts.length === 1) return parts[0]!;
  const joined: Required<Pick<SubjectTrack, 'frames' | 'boxes' | 'ankles' | 'breaks'>> = {
    frames: [],
    boxes: [],
    ankles: [],
    breaks: [],
  };
  for (const p of parts) {
    if (joined.frames.length > 0) joined.breaks.push(joined.frames.length);
    joined.frames.push(...p.frames);
    joined.boxes.push(...p.boxes);
    joined.ankles.push(...(p.ankles ?? p.frames.map(() => null)));
  }
  return joined;
}

/**
 * People who walked while the subject was in view, about as far as the subject (the automatic
 * choice could not tell them apart by travel): a therapist walking beside a child, a parent holding
 * a hand. The choice between them falls to weaker rules, so a reader must check it. Indices in
 * `people`.
 */
export function walkersAlongside(
  people: readonly SubjectTrack[],
  chosen: number,
  joined: readonly number[] = [],
): number[] {
  const subject = people[chosen];
  if (!subject) return [];
  const followed = [chosen, ...joined].map((i) => people[i]!);
  const walked = travelHeights(subject);
  return people.flatMap((t, i) =>
    i !== chosen &&
    !joined.includes(i) &&
    isWalker(t) &&
    followed.some((f) => together(f, t)) &&
    !travelTellsApart(travelHeights(t), walked)
      ? [i]
      : [],
  );
}

/**
 * People who walked together while the subject was out of view (overlapping one another, never the
 * subject): the patient may have come back among them, but which of them cannot be told, so that
 * pass is not followed (`subjectAppearances`). Groups of indices in `people`, in time order.
 */
export function walkersTogetherUnfollowed(
  people: readonly SubjectTrack[],
  chosen: number,
  joined: readonly number[] = [],
): number[][] {
  const followed = [chosen, ...joined].flatMap((i) => (people[i] ? [people[i]] : []));
  if (followed.length === 0) return [];
  const walkers = people.flatMap((t, i) =>
    i !== chosen && !joined.includes(i) && isWalker(t) && !followed.some((f) => together(f, t)) ? [i] : [],
  );
  const groups: number[][] = [];
  for (const i of walkers) {
    const group = walkers.filter((j) => together(people[i]!, people[j]!));
    if (group.length >= 2 && group[0] === i) groups.push(group);
  }
  return groups.sort((a, b) => span(people[a[0]!]!)[0] - span(people[b[0]!]!)[0]);
}

/**
 * The subject's box at `frame`, interpolated between samples; undefined when the frame lies
 * more than `marginFrames` outside the sampled span of every appearance (the subject is not in
 * view then).
 */
export function expectedBoxAt(track: SubjectTrack, frame: number, marginFrames: number): Box | undefined {
  return inSomeAppearance(track, (first, end) => boxWithin(track, first, end, frame, marginFrames));
}

/**
 * Like expectedBoxAt, but before the first and after the last sample of each appearance the box
 * moves on at the pace of its two end samples instead of standing still: a walker keeps walking
 * between the sampled frames, and a small one, seen by the finder only where it sees best, is
 * otherwise looked for where she is not.
 */
export function walkingBoxAt(track: SubjectTrack, frame: number, marginFrames: number): Box | undefined {
  // Between two appearances, the one she is nearer to in time: where she walked out, or where she
  // is about to come back, not wherever the earlier one would have taken her.
  return inSomeAppearance(
    track,
    (first, end) => {
      const box = boxWithin(track, first, end, frame, marginFrames);
      const f = track.frames;
      const before = frame < f[first]!;
      if (!box || end - first < 2 || (!before && frame <= f[end - 1]!)) return box;
      const [i, j] = before ? [first, first + 1] : [end - 2, end - 1];
      const [a, b] = [track.boxes[i]!, track.boxes[j]!];
      const beyond = frame - (before ? f[first]! : f[end - 1]!);
      const move = (v0: number, v1: number) => ((v1 - v0) / (f[j]! - f[i]!)) * beyond;
      return {
        x0: box.x0 + move(a.x0, b.x0),
        y0: box.y0 + move(a.y0, b.y0),
        x1: box.x1 + move(a.x1, b.x1),
        y1: box.y1 + move(a.y1, b.y1),
      };
    },
    frame,
  );
}

/**
 * The first box `boxIn` gives for one of the track's appearances (samples [first, end)), trying
 * them in order, or with `nearestTo` the one whose sampled span lies nearest that frame first.
 */
function inSomeAppearance(
  track: SubjectTrack,
  boxIn: (first: number, end: number) => Box | undefined,
  nearestTo?: number,
): Box | undefined {
  const starts = [0, ...(track.breaks ?? [])];
  const spans = starts.map((first, k) => ({
    first,
    end: k + 1 < starts.length ? starts[k + 1]! : track.frames.length,
  }));
  const away = ({ first, end }: { first: number; end: number }) =>
    nearestTo === undefined || end <= first
      ? 0
      : Math.max(0, track.frames[first]! - nearestTo, nearestTo - track.frames[end - 1]!);
  for (const { first, end } of [...spans].sort((a, b) => away(a) - away(b))) {
    const box = boxIn(first, end);
    if (box) return box;
  }
  return undefined;
}

/** expectedBoxAt over samples [first, end) of the track. */
function boxWithin(
  track: SubjectTrack,
  first: number,
  end: number,
  frame: number,
  marginFrames: number,
): Box | undefined {
  const f = track.frames;
  if (end <= first) return undefined;
  if (frame < f[first]! - marginFrames || frame > f[end - 1]! + marginFrames) return undefined;
  let i = first;
  while (i < end - 1 && f[i + 1]! < frame) i++;
  const a = track.boxes[i]!;
  const j = Math.min(i + 1, end - 1);
  const b = track.boxes[j]!;
  const span = f[j]! - f[i]!;
  const w = span > 0 ? Math.min(1, Math.max(0, (frame - f[i]!) / span)) : 0;
  return {
    x0: a.x0 + (b.x0 - a.x0) * w,
    y0: a.y0 + (b.y0 - a.y0) * w,
    x1: a.x1 + (b.x1 - a.x1) * w,
    y1: a.y1 + (b.y1 - a.y1) * w,
  };
}

export function personBox(p: Person): Box {
  return p.box;
}

/**
 * The sampled frame where most of these people are in view (the earliest of equals): one picture
 * in which the user can point at the patient.
 */
export function frameWithMostPeople(people: readonly SubjectTrack[], marginFrames: number): number {
  const frames = [...new Set(people.flatMap((t) => t.frames))].sort((a, b) => a - b);
  let best = frames[0] ?? 0;
  let bestCount = -1;
  for (const f of frames) {
    const count = people.filter((t) => expectedBoxAt(t, f, marginFrames) !== undefined).length;
    if (count > bestCount) {
      best = f;
      bestCount = count;
    }
  }
  return best;
}
