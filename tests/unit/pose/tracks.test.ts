import { describe, expect, test } from 'vitest';
import { LANDMARK_COUNT, landmarkIndex } from '../../../src/shared/landmarks';
import { consolidateSides } from '../../../src/main/pose/decode/side-labels';
import { smoothTrack } from '../../../src/main/pose/decode/smooth';
import {
  candidatePeople,
  chooseSubject,
  joinAppearances,
  legMotionHeights,
  subjectAppearances,
  travelHeights,
  expectedBoxAt,
  walkingBoxAt,
  linkTracks,
  movingOrder,
  walkersAlongside,
  walkersTogetherUnfollowed,
  travelTellsApart,
  type ScanSample,
  type SubjectTrack,
} from '../../../src/main/pose/decode/subject';
import { decodePeople } from '../../../src/main/pose/decode/people';
import { nearerSomeoneElse } from '../../../src/main/pose/decode/tracker';

/** A walker seen from the side: the two feet alternate ahead of each other, far apart. */
function walk(frames: number): { xPx: Float32Array; yPx: Float32Array; bodyPx: Float32Array } {
  const xPx = new Float32Array(frames * LANDMARK_COUNT);
  const yPx = new Float32Array(frames * LANDMARK_COUNT);
  for (let f = 0; f < frames; f++) {
    for (let l = 0; l < LANDMARK_COUNT; l++) {
      const left = l % 2 === 1;
      xPx[f * LANDMARK_COUNT + l] = 5 * f + (left ? 0 : 120) + l;
      yPx[f * LANDMARK_COUNT + l] = 300 + 10 * l;
    }
  }
  return { xPx, yPx, bodyPx: new Float32Array(frames).fill(500) };
}

function swapFrame(t: { xPx: Float32Array; yPx: Float32Array }, f: number, names: string[]): void {
  for (const n of names) {
    const l = f * LANDMARK_COUNT + landmarkIndex(`left_${n}` as never);
    const r = f * LANDMARK_COUNT + landmarkIndex(`right_${n}` as never);
    for (const a of [t.xPx, t.yPx]) [a[l], a[r]] = [a[r]!, a[l]!];
  }
}

describe('left/right consolidation', () => {
  test('undoes a short run of swapped legs and a feet-only swap, leaves a clean track alone', () => {
    const clean = walk(60);
    const t = walk(60);
    for (let f = 20; f < 26; f++) swapFrame(t, f, ['hip', 'knee', 'ankle', 'heel', 'foot_index']);
    swapFrame(t, 40, ['ankle', 'heel', 'foot_index']);
    const swaps = consolidateSides({ frameCount: 60, ...t }, [
      { data: t.xPx, stride: 1 },
      { data: t.yPx, stride: 1 },
    ]);
    expect(swaps).toBeGreaterThan(0);
    expect(Array.from(t.xPx)).toEqual(Array.from(clean.xPx));
    const again = walk(60);
    expect(
      consolidateSides({ frameCount: 60, ...again }, [
        { data: again.xPx, stride: 1 },
        { data: again.yPx, stride: 1 },
      ]),
    ).toBe(0);
  });
});

/**
 * Walking in place (a treadmill, or a camera panning with the walker): relative to the picture the
 * two legs swing in opposite directions and pass each other at the middle, every half stride.
 */
function walkInPlace(frames: number): { xPx: Float32Array; yPx: Float32Array; bodyPx: Float32Array } {
  const xPx = new Float32Array(frames * LANDMARK_COUNT);
  const yPx = new Float32Array(frames * LANDMARK_COUNT);
  const legs = new Set(
    ['hip', 'knee', 'ankle', 'heel', 'foot_index'].flatMap((n) => [`left_${n}`, `right_${n}`]),
  );
  for (let f = 0; f < frames; f++) {
    const swing = Math.sin((2 * Math.PI * f) / 36);
    for (let l = 0; l < LANDMARK_COUNT; l++) {
      const left = l % 2 === 1;
      const name = [...legs].find((n) => landmarkIndex(n as never) === l);
      const reach = name ? (name.endsWith('hip') ? 5 : name.endsWith('knee') ? 40 : 80) : 0;
      xPx[f * LANDMARK_COUNT + l] = 400 + (left ? 1 : -1) * reach * swing + (name ? 0 : 20 * (left ? 1 : -1));
      yPx[f * LANDMARK_COUNT + l] = 200 + 10 * l;
    }
  }
  return { xPx, yPx, bodyPx: new Float32Array(frames).fill(500) };
}

describe('left/right consolidation of walking in place', () => {
  test('feet passing each other keep their labels: across the frames where they overlap nothing says they bounced back', () => {
    const t = walkInPlace(108);
    const arrays = [
      { data: t.xPx, stride: 1 },
      { data: t.yPx, stride: 1 },
    ];
    // Least travel across the overlap prefers the bounce (each foot turning back where it came
    // from): consolidation used to exchange the legs for every other half stride.
    expect(consolidateSides({ frameCount: 108, ...t }, arrays)).toBe(0);
  });

  test('a short run of labels the model exchanged mid-stride is still put back', () => {
    const clean = walkInPlace(108);
    const t = walkInPlace(108);
    for (let f = 3; f < 7; f++) swapFrame(t, f, ['hip', 'knee', 'ankle', 'heel', 'foot_index']);
    consolidateSides({ frameCount: 108, ...t }, [
      { data: t.xPx, stride: 1 },
      { data: t.yPx, stride: 1 },
    ]);
    expect(Array.from(t.xPx)).toEqual(Array.from(clean.xPx));
  });
});

describe('smoothing', () => {
  test('keeps a straight line, removes alternating jitter, leaves gaps as gaps', () => {
    const n = 60;
    const x = new Float32Array(n);
    const y = new Float32Array(n);
    for (let f = 0; f < n; f++) {
      x[f] = 10 + 2 * f;
      y[f] = 100 + (f % 2 ? 3 : -3);
    }
    x[30] = NaN;
    smoothTrack(x, y, n, 1, 6, 30);
    expect(x[10]).toBeCloseTo(30, 1);
    expect(Number.isNaN(x[30]!)).toBe(true);
    expect(Math.abs(y[20]! - 100)).toBeLessThan(0.5);
  });
});

describe('subject selection', () => {
  const box = (cx: number, cy: number, h: number): { x0: number; y0: number; x1: number; y1: number } => ({
    x0: cx - h / 4,
    y0: cy - h / 2,
    x1: cx + h / 4,
    y1: cy + h / 2,
  });
  // A bystander standing still from the start; the walker enters later and crosses the frame.
  const samples: ScanSample[] = Array.from({ length: 8 }, (_, i) => ({
    frame: i * 30,
    boxes: [box(300, 200, 300), ...(i >= 2 ? [box(1600 - 250 * (i - 2), 700, 320)] : [])],
  }));

  test('follows the person who travels; index and box choose others', () => {
    const tracks = linkTracks(samples);
    expect(tracks).toHaveLength(2);
    const walker = chooseSubject(tracks, { kind: 'moving' })!;
    expect(walker.frames[0]).toBe(60);
    expect(expectedBoxAt(walker, 0, 15)).toBeUndefined();
    expect(expectedBoxAt(walker, 75, 15)!.x0).toBeCloseTo((1600 + 1350) / 2 - 80);
    expect(chooseSubject(tracks, { kind: 'index', index: 0 })!.frames).toHaveLength(8);
    expect(chooseSubject(tracks, { kind: 'box', box: box(1350, 700, 300), frame: 90 })).toBe(walker);
  });

  test('a walker keeps walking before and after her samples (walkingBoxAt); held where she was (expectedBoxAt)', () => {
    const walker = chooseSubject(linkTracks(samples), { kind: 'moving' })!;
    // Seen from frame 60 (centre x 1600) at -250 px per 30 frames.
    const centre = (b: { x0: number; x1: number } | undefined) => (b ? (b.x0 + b.x1) / 2 : NaN);
    expect(centre(walkingBoxAt(walker, 30, 60))).toBeCloseTo(1850);
    expect(centre(walkingBoxAt(walker, 0, 60))).toBeCloseTo(2100);
    expect(centre(expectedBoxAt(walker, 30, 60))).toBeCloseTo(1600);
    expect(walkingBoxAt(walker, 0, 30)).toBeUndefined();
    expect(centre(walkingBoxAt(walker, 105, 60))).toBeCloseTo(centre(expectedBoxAt(walker, 105, 60)));
    expect(centre(walkingBoxAt(walker, 240, 60))).toBeCloseTo(1600 - 250 * 5 - 250);
    // One sample gives no pace: the box is held.
    const once = { frames: [90], boxes: [box(800, 700, 300)] };
    expect(centre(walkingBoxAt(once, 60, 60))).toBeCloseTo(800);
    // Two passes 60 frames apart: between them, the pass she is nearer to in time (she left to the
    // left at -250 px per sample and comes back from the left at +250).
    const twoPasses = {
      frames: [0, 30, 60, 120, 150, 180],
      boxes: [1500, 1250, 1000, 300, 550, 800].map((x) => box(x, 700, 300)),
      breaks: [3],
    };
    expect(centre(walkingBoxAt(twoPasses, 75, 60))).toBeCloseTo(1000 - 125);
    expect(centre(walkingBoxAt(twoPasses, 105, 60))).toBeCloseTo(300 - 125);
    expect(centre(expectedBoxAt(twoPasses, 105, 60))).toBeCloseTo(1000);
  });

  test('a bystander jumping off a box does not count as walking', () => {
    // As in the Sports2D walk seen from her other side: the man on the box (top) waves, is missed
    // by the detector while he jumps, and is found again below, a few body heights away; the walker
    // crosses the frame meanwhile.
    const jumper: ScanSample[] = Array.from({ length: 8 }, (_, i) => ({
      frame: i * 30,
      boxes: [
        ...(i < 5 ? [box(1100 + (i % 2 ? 40 : -40), 260, 340)] : i === 7 ? [box(500, 750, 280)] : []),
        ...(i >= 2 && i <= 6 ? [box(380 + 290 * (i - 2), 740, 410)] : []),
      ],
    }));
    const tracks = linkTracks(jumper);
    const man = tracks.find((t) => t.frames[0] === 0)!;
    expect(man.frames).toContain(210);
    const walker = chooseSubject(tracks, { kind: 'moving' })!;
    expect(walker).not.toBe(man);
    expect(walker.frames[0]).toBe(60);
    // The jump is not travel; the waving is little.
    expect(travelHeights(man)).toBeLessThan(1.5);
    expect(travelHeights(walker)).toBeGreaterThan(2.5);
  });

  test('a walker who leaves the picture and comes back is followed through both passes, not a bystander', () => {
    // Pass 1 right to left (samples 1-5), out of view (6-8), pass 2 left to right (9-13); a man
    // stands on a box (feet high in the picture) from sample 7, and someone walks behind her for
    // part of pass 1.
    const scan: ScanSample[] = Array.from({ length: 15 }, (_, i) => ({
      frame: i * 30,
      boxes: [
        ...(i >= 1 && i <= 5 ? [box(1500 - 280 * (i - 1), 720, 420)] : []),
        ...(i >= 9 && i <= 13 ? [box(200 + 280 * (i - 9), 720, 420)] : []),
        ...(i >= 7 ? [box(1000, 270, 400)] : []),
        ...(i >= 3 && i <= 5 ? [box(1700 - 280 * (i - 3), 720, 420)] : []),
      ],
    }));
    const tracks = linkTracks(scan);
    // Her exit is not continued by the man on the box two samples later (his feet are higher).
    const first = tracks.find((t) => t.frames[0] === 30)!;
    expect(first.frames).toEqual([30, 60, 90, 120, 150]);
    const pool = candidatePeople(tracks);
    const parts = subjectAppearances(chooseSubject(tracks, { kind: 'moving' })!, pool);
    // The one walking behind her is in view with her: not one of her appearances.
    expect(parts.map((p) => p.frames)).toEqual([
      [30, 60, 90, 120, 150],
      [270, 300, 330, 360, 390],
    ]);
    const subject = joinAppearances(parts);
    expect(subject.breaks).toEqual([5]);
    expect(expectedBoxAt(subject, 90, 15)).toBeDefined();
    expect(expectedBoxAt(subject, 330, 15)).toBeDefined();
    // Out of view between the passes: no box is made up between her exit and her return.
    expect(expectedBoxAt(subject, 210, 15)).toBeUndefined();
  });

  test('a walker hidden for a sample comes out where her pace takes her, not where a bystander is', () => {
    // She walks right to left, 260 px a sample, and is behind a pillar at sample 3; a man stands on
    // a box (feet higher) near where she went out of sight, missed by the detector from sample 3 on.
    const scan: ScanSample[] = Array.from({ length: 7 }, (_, i) => ({
      frame: i * 30,
      boxes: [
        ...(i >= 1 && i !== 3 ? [box(1650 - 260 * i, 720, 420)] : []),
        ...(i <= 2 ? [box(700, 260, 400)] : []),
      ],
    }));
    const tracks = linkTracks(scan);
    const walker = tracks.find((t) => t.frames[0] === 30)!;
    expect(walker.frames).toEqual([30, 60, 120, 150, 180]);
    expect(chooseSubject(tracks, { kind: 'moving' })).toBe(walker);
  });

  test('a bystander missed at one sample is not continued by the walker a body height lower', () => {
    // The Sports2D walk with its picture cut off below her knees (the scan's boxes, rounded): the man
    // on the box is found at samples 0-3 and then missed; she is seen at sample 2, missed at 3 (her
    // feet cut off), and at sample 4 stands 1.3 body heights from his last box, 1.7 from hers.
    const scan: ScanSample[] = Array.from({ length: 7 }, (_, i) => ({
      frame: i * 30,
      boxes: [
        ...(i <= 3 ? [box(640, 256, 400)] : []),
        ...(i === 2 ? [box(1407, 710, 330)] : []),
        ...(i >= 4 ? [box(832 - 315 * (i - 4), 696, 360)] : []),
      ],
    }));
    const tracks = linkTracks(scan);
    expect(tracks.map((t) => t.frames)).toEqual([
      [0, 30, 60, 90],
      [60, 120, 150, 180],
    ]);
    expect(chooseSubject(tracks, { kind: 'moving' })!.frames[0]).toBe(60);
  });

  test('a patient pointed at in one pass is followed through the next; two walking together out of view are not', () => {
    // Pass 1 (samples 1-4), out of view (5-7), pass 2 (8-11); a therapist stands by throughout.
    const passes = (together: boolean): ScanSample[] =>
      Array.from({ length: 13 }, (_, i) => ({
        frame: i * 30,
        boxes: [
          box(300, 250, 400),
          ...(i >= 1 && i <= 4 ? [box(1500 - 300 * (i - 1), 720, 420)] : []),
          ...(i >= 8 && i <= 11 ? [box(200 + 300 * (i - 8), 720, 420)] : []),
          ...(together && i >= 8 && i <= 11 ? [box(250 + 300 * (i - 8), 600, 500)] : []),
        ],
      }));
    const tracks = linkTracks(passes(false));
    const pool = candidatePeople(tracks);
    const pointed = chooseSubject(tracks, { kind: 'box', box: box(1200, 720, 420), frame: 60 })!;
    expect(subjectAppearances(pointed, pool).map((p) => p.frames[0])).toEqual([30, 240]);
    // The bystander pointed at is in view all along: nobody is joined to him.
    const bystander = chooseSubject(tracks, { kind: 'box', box: box(300, 250, 400), frame: 0 })!;
    expect(subjectAppearances(bystander, pool)).toEqual([bystander]);
    // Two people walk the second pass: which one is the patient back cannot be told.
    const both = linkTracks(passes(true));
    const first = chooseSubject(both, { kind: 'box', box: box(1200, 720, 420), frame: 60 })!;
    const people = candidatePeople(both);
    expect(subjectAppearances(first, people)).toEqual([first]);
    // They are named as a pair; alone, the returning walker would have been joined instead.
    const pairs = walkersTogetherUnfollowed(people, people.indexOf(first));
    expect(pairs).toHaveLength(1);
    expect(pairs[0]!.map((i) => people[i]!.frames[0])).toEqual([240, 240]);
    expect(
      walkersTogetherUnfollowed(pool, pool.indexOf(pointed), [pool.findIndex((t) => t.frames[0] === 240)]),
    ).toEqual([]);
  });

  test('a person seen once bridges no more than one missed sample', () => {
    const scan: ScanSample[] = [0, 1, 2, 3, 4].map((i) => ({
      frame: i * 30,
      boxes: i === 0 ? [box(1000, 700, 400)] : i >= 3 ? [box(1100 + 50 * i, 700, 400)] : [],
    }));
    expect(linkTracks(scan).map((t) => t.frames)).toEqual([[0], [90, 120]]);
  });

  test('when nobody travels, the person whose legs move is followed, not the tallest', () => {
    // A child walking on a treadmill (legs sampled at unrelated phases of the stride) next to an
    // adult therapist standing still, taller in the picture.
    const stride = [0.3, -0.25, 0.1, -0.3, 0.28, -0.05, -0.2, 0.3];
    const treadmill: ScanSample[] = stride.map((s, i) => ({
      frame: i * 30,
      boxes: [box(400, 500, 700), box(1000, 560, 500)],
      ankles: [
        { dx: 60, dy: 2 },
        { dx: s * 500, dy: -Math.abs(s) * 40 },
      ],
    }));
    const tracks = linkTracks(treadmill);
    const child = tracks.find((t) => t.boxes[0]!.x0 > 700)!;
    const adult = tracks.find((t) => t !== child)!;
    expect(legMotionHeights(adult)).toBeLessThan(0.01);
    expect(legMotionHeights(child)).toBeGreaterThan(0.2);
    expect(chooseSubject(tracks, { kind: 'moving' })).toBe(child);
    // Without ankles (a scan stored before they were kept), the tallest of those who stay put.
    const noAnkles = linkTracks(treadmill.map(({ frame, boxes }) => ({ frame, boxes })));
    expect(chooseSubject(noAnkles, { kind: 'moving' })!.boxes[0]!.x0).toBeLessThan(700);
  });

  test('a walker crossing only a body height in a short clip is chosen over a bystander moving his legs', () => {
    // The scan of the Sports2D walk seen in a mirror, cut to its first 110 frames (3.7 s): the man
    // on the box shifts his feet (ankle offsets 3-165 px) but stays put; she enters at 1.8 s and
    // crosses 1.2 body heights, her ankles sampled every 18 frames, half her stride, at like phases.
    const xyxy = (s: string) => {
      const [x0, y0, x1, y1] = s.split(',').map(Number) as [number, number, number, number];
      return { x0, y0, x1, y1 };
    };
    const man = ['1048,70,1184,464', '985,13,1292,443', '972,38,1279,434'];
    man.push('1025,-2,1253,436', '981,47,1278,450', '1056,55,1197,452');
    const her = ['241,532,378,953', '390,519,546,930', '584,512,698,931', '755,507,878,933'];
    const hisAnkles = [45, 165, 45, 159, 3, 43].map((dx, i) => ({ dx, dy: [0, 10, -3, 15, -1, 0][i]! }));
    const herAnkles = [30, 7, -4, 5].map((dx, i) => ({ dx, dy: [-16, -15, -3, 22][i]! }));
    const scan: ScanSample[] = [0, 18, 36, 54, 72, 90, 108].map((frame, i) => ({
      frame,
      boxes: [...(i < 6 ? [xyxy(man[i]!)] : []), ...(i >= 3 ? [xyxy(her[i - 3]!)] : [])],
      ankles: [...(i < 6 ? [hisAnkles[i]!] : []), ...(i >= 3 ? [herAnkles[i - 3]!] : [])],
    }));
    const pool = candidatePeople(linkTracks(scan));
    const [him, walker] = pool as [SubjectTrack, SubjectTrack];
    expect(travelHeights(him)).toBeLessThan(0.4);
    expect(travelHeights(walker)).toBeGreaterThan(1);
    // His legs moved more: without the travel ratio he was followed, and she was named as
    // "about as far".
    expect(legMotionHeights(him)).toBeGreaterThan(legMotionHeights(walker));
    expect(travelTellsApart(travelHeights(him), travelHeights(walker))).toBe(true);
    expect(chooseSubject(pool, { kind: 'moving' })).toBe(walker);
    expect(movingOrder(walker, him)).toMatchObject({ rule: 'travel' });
    expect(walkersAlongside(pool, pool.indexOf(walker))).toEqual([]);
    // Two walkers a body height apart, or people who both stayed put, are not told apart by travel.
    expect(travelTellsApart(2.4, 3.2)).toBe(false);
    expect(travelTellsApart(0.2, 0.7)).toBe(false);
    expect(travelTellsApart(0.4, 1.1)).toBe(false);
  });

  test('someone walking beside the walker is named, someone walking through briefly is not', () => {
    // A therapist (taller in the picture) walks beside a child for the whole pass, about as many
    // body heights; a passer-by crosses behind them for two samples; a bystander stands still.
    const scan: ScanSample[] = Array.from({ length: 7 }, (_, i) => ({
      frame: i * 30,
      boxes: [
        box(1600 - 150 * i, 760, 300),
        box(1650 - 170 * i, 600, 420),
        box(300, 300, 400),
        ...(i === 3 || i === 4 ? [box(200 + 150 * (i - 3), 500, 380)] : []),
      ],
    }));
    const tracks = linkTracks(scan);
    const pool = candidatePeople(tracks);
    expect(pool).toHaveLength(4);
    const chosen = chooseSubject(tracks, { kind: 'moving' })!;
    const i = pool.indexOf(chosen);
    // Same travel, same time in view: the taller is chosen, and that is only a tie-break.
    expect(chosen.boxes[0]!.y1 - chosen.boxes[0]!.y0).toBe(420);
    const beside = walkersAlongside(pool, i);
    expect(beside).toHaveLength(1);
    expect(pool[beside[0]!]!.boxes[0]!.y1 - pool[beside[0]!]!.boxes[0]!.y0).toBe(300);
    expect(movingOrder(chosen, pool[beside[0]!]!)).toMatchObject({ rule: 'taller' });
    // A walker with the scene to herself has nobody beside her.
    const alone = linkTracks(scan.map((s) => ({ frame: s.frame, boxes: [s.boxes[0]!, s.boxes[2]!] })));
    const pool1 = candidatePeople(alone);
    expect(walkersAlongside(pool1, pool1.indexOf(chooseSubject(alone, { kind: 'moving' })!))).toEqual([]);
  });

  test('landmarks nearer another person the scan saw are not the subject', () => {
    const subject = box(600, 700, 800);
    const bystander = box(330, 760, 560);
    // His hips: near his box. Hers, inside his box's reach but at the centre of her own.
    expect(nearerSomeoneElse(610, 720, subject, [bystander])).toBe(false);
    expect(nearerSomeoneElse(340, 760, subject, [bystander])).toBe(true);
    expect(nearerSomeoneElse(340, 760, subject, [])).toBe(false);
  });

  test('MoveNet multipose rows map back through the letterbox', () => {
    const raw = new Float32Array(6 * 56);
    raw.set([0.25, 0.5, 0.75, 0.625], 51);
    raw[55] = 0.8;
    raw.set([0.5, 0.25, 0.7], 0);
    const [p] = decodePeople(raw, 512, 288, { scale: 512 / 1024, padXPx: 0, padYPx: 0 });
    // Values exact in float32, so the mapping is checked exactly.
    expect(p!.box).toEqual({ x0: 0.5 * 1024, y0: 0.25 * 576, x1: 0.625 * 1024, y1: 0.75 * 576 });
    expect([p!.xPx[0], p!.yPx[0]]).toEqual([0.25 * 1024, 0.5 * 576]);
  });
});
