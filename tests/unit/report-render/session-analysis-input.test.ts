// Analysed trials to the report model's input: cycles pooled across trials (not trial means
// averaged), parameter names of the gait module mapped, hand edits carried into provenance.
import { LENGTHS_FROM_STEPS } from '../../../src/shared/analysis-notes';
import { smallInPictureNote } from '../../../src/main/gait/apparent-size';
import { lowFrameRateNote } from '../../../src/main/gait/frame-rate';
import { walkingAidNote } from '../../../src/shared/walking-aid-note';
import { damagedPictureNote } from '../../../src/main/gait/damaged-picture';
import { cameraSideNote } from '../../../src/main/gait/far-side';
import { describe, expect, it } from 'vitest';
import {
  TRIANGULATED_CAMERA,
  type CurveView,
  type TrialAnalysisView,
} from '../../../src/shared/api/analysis-types';
import { sessionAnalysisInput } from '../../../src/main/report/session-analysis-input';

const pct = Array.from({ length: 51 }, (_, i) => i * 2);

function view(trialId: string, kneeCycles: number[][], speeds: number[], edited = false): TrialAnalysisView {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = (xs: number[]) => Math.sqrt(xs.reduce((a, b) => a + (b - mean(xs)) ** 2, 0) / (xs.length - 1));
  return {
    trialId,
    camera: 'sagittal',
    status: 'analysed',
    message: '',
    fps: 30,
    frameCount: 200,
    startTimeS: 0,
    view: 'sagittal',
    mode: 'overground',
    beltSpeedMps: null,
    passes: [],
    events: [
      { side: 'left', kind: 'foot-off', frame: 40, timeS: 1.3333, source: edited ? 'manual' : 'zeni' },
    ],
    eventsEditedByHand: edited,
    cycles: kneeCycles.map((_, i) => ({
      side: 'left' as const,
      index: i,
      startFrame: i * 30,
      endFrame: i * 30 + 30,
      footOffFrame: i * 30 + 18,
      durationS: 1,
      flags: [],
      excluded: false,
      excludedByUser: false,
    })),
    curves: [
      {
        variable: 'knee_flexion',
        label: 'Knee flexion',
        side: 'left',
        view: 'sagittal',
        landmarks: [],
        unit: 'deg',
        percent: pct,
        mean: pct.map(() => 0),
        sd: pct.map(() => 0),
        cycles: kneeCycles.map((v, i) => ({ cycleIndex: i, excluded: false, values: pct.map(() => v[0]!) })),
        includedCycles: kneeCycles.length,
      },
      {
        variable: 'pelvic_obliquity',
        label: 'Pelvic obliquity',
        side: 'left',
        view: 'frontal',
        landmarks: [],
        unit: 'deg',
        percent: pct,
        mean: pct.map(() => 2),
        sd: pct.map(() => 0),
        cycles: [{ cycleIndex: 0, excluded: false, values: pct.map(() => 2) }],
        includedCycles: 1,
      },
    ],
    angles: [],
    parameters: [
      {
        parameter: 'speedMps',
        unit: 'm/s',
        left: { mean: mean(speeds), sd: speeds.length > 1 ? sd(speeds) : null, n: speeds.length },
        right: { mean: null, sd: null, n: 0 },
        asymmetryPct: null,
      },
      {
        parameter: 'stancePct',
        unit: '% cycle',
        left: { mean: 60, sd: 1, n: speeds.length },
        right: { mean: null, sd: null, n: 0 },
        asymmetryPct: null,
      },
      {
        parameter: 'footOffPct',
        unit: '% cycle',
        left: { mean: 60, sd: 1, n: speeds.length },
        right: { mean: null, sd: null, n: 0 },
        asymmetryPct: null,
      },
    ],
    scale: { metresPerUnit: 0.004, method: 'subject-height', description: 'subject height 1.32 m' },
    lowConfidenceFrames: [],
    warnings: [],
    videoRelativePath: 'x.mp4',
    provenance: {
      appVersion: '1.2.3',
      landmarkModel: 'blazepose-full',
      backend: 'wasm',
      workers: 2,
      filter: 'Butterworth 6 Hz',
      videoSizePx: '1280x720',
    },
  };
}

describe('sessionAnalysisInput', () => {
  it('pools cycles of several trials, so the SD is over all cycles and bigger trials weigh more', () => {
    const a = view('trial-aaaaaa', [[10], [20]], [1.0, 1.2]);
    const b = view('trial-bbbbbb', [[30], [40], [50], [60]], [1.4, 1.4, 1.6, 1.6]);
    const input = sessionAnalysisInput([a, b]);
    const knee = input.left?.kinematics.knee_flexion;
    // Cycle values 10..60: mean 35, sample SD 18.708.
    expect(knee?.meanDeg[0]).toBeCloseTo(35, 9);
    expect(knee?.sdDeg?.[0]).toBeCloseTo(18.7083, 3);
    const speeds = [1.0, 1.2, 1.4, 1.4, 1.6, 1.6];
    const m = speeds.reduce((x, y) => x + y, 0) / speeds.length;
    const s = Math.sqrt(speeds.reduce((x, y) => x + (y - m) ** 2, 0) / (speeds.length - 1));
    expect(input.left?.spatiotemporal.speedMps?.mean).toBeCloseTo(m, 9);
    expect(input.left?.spatiotemporal.speedMps?.sd).toBeCloseTo(s, 9);
    expect(input.left?.cycleCount).toBe(6);
    expect(input.right).toBeUndefined();
  });

  it('takes a leg from the trials that saw it near the camera, and marks it when none did', () => {
    const farKnee = (v: TrialAnalysisView): TrialAnalysisView => ({
      ...v,
      curves: v.curves.map((c) => (c.variable === 'knee_flexion' ? { ...c, farSide: true } : c)),
    });
    const near = view('trial-aaaaaa', [[60], [64]], [1, 1.2]);
    const far = farKnee(view('trial-bbbbbb', [[40], [42], [44]], [1.1, 1.1, 1.1]));
    const both = sessionAnalysisInput([near, far]).left?.kinematics.knee_flexion;
    expect(both?.meanDeg[0]).toBeCloseTo(62, 9);
    expect(both?.farSide).toBeUndefined();
    const onlyFar = sessionAnalysisInput([far]).left?.kinematics.knee_flexion;
    expect(onlyFar?.meanDeg[0]).toBeCloseTo(42, 9);
    expect(onlyFar?.farSide).toBe(true);
    // Timing and distances keep every cycle: the far leg's events are still its events.
    expect(sessionAnalysisInput([near, far]).left?.cycleCount).toBe(5);
  });

  it('counts the strides of a trial once when several of its cameras were analysed', () => {
    const farKnee = (v: TrialAnalysisView): TrialAnalysisView => ({
      ...v,
      curves: v.curves.map((c) => (c.variable === 'knee_flexion' ? { ...c, farSide: true } : c)),
    });
    // One trial seen by a camera on each side: the left leg is near the first, far from the second.
    const sideOnly = (v: TrialAnalysisView) => ({
      ...v,
      curves: v.curves.filter((c) => c.variable !== 'pelvic_obliquity'),
    });
    const leftCam = { ...sideOnly(view('trial-aaaaaa', [[60], [62]], [1.2, 1.2])), camera: 'sagittal-left' };
    const rightCam = {
      ...farKnee(sideOnly(view('trial-aaaaaa', [[40], [42]], [1.3, 1.3]))),
      camera: 'sagittal-right',
    };
    // A frontal camera of the same trial: its frontal curve still counts, its strides do not.
    const frontal: TrialAnalysisView = {
      ...view('trial-aaaaaa', [[0], [0]], [1.25, 1.25]),
      camera: 'frontal',
      view: 'frontal',
      curves: view('trial-aaaaaa', [[0]], [1]).curves.filter((c) => c.variable === 'pelvic_obliquity'),
    };
    for (const order of [
      [leftCam, rightCam, frontal],
      [frontal, rightCam, leftCam],
    ]) {
      const left = sessionAnalysisInput(order).left!;
      expect(left.cycleCount).toBe(2);
      expect(left.kinematics.knee_flexion?.meanDeg[0]).toBeCloseTo(61, 9);
      expect(left.kinematics.knee_flexion?.farSide).toBeUndefined();
      expect(left.spatiotemporal.speedMps?.mean).toBeCloseTo(1.2, 9);
      expect(left.kinematics.pelvis_obliquity?.meanDeg[0]).toBe(2);
    }
    // A "frontal" camera that is really a side view: its curve is left out, and the report says why.
    const doubtful = { ...frontal, viewDoubt: 'The subject crosses the picture.' };
    const input = sessionAnalysisInput([leftCam, rightCam, doubtful], new Map([['trial-aaaaaa', 'Walk 3']]));
    expect(input.left?.kinematics.pelvis_obliquity).toBeUndefined();
    expect(input.notes).toContain(
      'trial "Walk 3" (frontal): The subject crosses the picture. Its curves are left out of this report.',
    );
  });

  it('says where speed and lengths come from on a treadmill, when the camera moved, a small subject, a low frame rate, who else walked, a camera seeing the leg it is not named for, and a walking aid', () => {
    const names = new Map([['trial-aaaaaa', 'Walk 1']]);
    const onBelt = { ...view('trial-aaaaaa', [[10]], [1.1]), mode: 'treadmill' as const, beltSpeedMps: 1.1 };
    expect(sessionAnalysisInput([onBelt], names).notes).toEqual([
      'trial "Walk 1" (sagittal): treadmill walking: walking speed is the belt speed entered (1.10 m/s), stride and step length are belt speed x time; treadmill and overground walking are not alike.',
    ]);
    expect(sessionAnalysisInput([onBelt], names).provenance.scaleSource).toBe(
      'treadmill belt speed 1.10 m/s (length = belt speed x time)',
    );
    const noBelt = { ...onBelt, beltSpeedMps: null };
    expect(sessionAnalysisInput([noBelt], names).notes![0]).toBe(
      `trial "Walk 1" (sagittal): the patient walks in place in the picture (a treadmill, or a camera following the patient) and no belt speed was entered: ${LENGTHS_FROM_STEPS}.`,
    );
    expect(sessionAnalysisInput([noBelt], names).provenance.scaleSource).toMatch(
      /; steps measured at each contact \(walking in place in the picture, no belt speed entered\)$/,
    );
    const moved = {
      ...view('trial-aaaaaa', [[10]], [1]),
      warnings: ['Something else.', 'The camera moved during walking pass 1: the foot on the floor slid ...'],
    };
    expect(sessionAnalysisInput([moved], names).notes).toEqual([
      'trial "Walk 1" (sagittal): The camera moved during walking pass 1: the foot on the floor slid ...',
    ]);
    const small = { ...view('trial-aaaaaa', [[10]], [1]), warnings: [smallInPictureNote(47)!] };
    expect(sessionAnalysisInput([small], names).notes).toEqual([
      `trial "Walk 1" (sagittal): ${smallInPictureNote(47)}`,
    ]);
    expect(smallInPictureNote(47)).toMatch(
      /^The subject is small in the picture: the legs \(thigh \+ shank\) are about 47 px long, under 60\./,
    );
    expect(smallInPictureNote(63)).toBeNull();
    const slow = { ...view('trial-aaaaaa', [[10]], [1]), warnings: [lowFrameRateNote(12, 1.2)!] };
    expect(sessionAnalysisInput([slow], names).notes).toEqual([
      `trial "Walk 1" (sagittal): ${lowFrameRateNote(12, 1.2)}`,
    ]);
    const together = {
      ...view('trial-aaaaaa', [[10]], [1]),
      warnings: ['Another person walked in view with the patient (person 2 ...), about as far: ...'],
    };
    expect(sessionAnalysisInput([together], names).notes).toEqual([
      'trial "Walk 1" (sagittal): Another person walked in view with the patient (person 2 ...), about as far: ...',
    ]);
    // Left and right may be exchanged in all of a camera's numbers: the reader must know.
    const side = cameraSideNote('sagittal-left', 'left', [
      { passIndex: 0, side: 'left', visibility: { left: 0.89, right: 0.98 } },
    ])!;
    const mirrored = { ...view('trial-aaaaaa', [[10]], [1]), warnings: [side], sideDoubt: true as const };
    expect(sessionAnalysisInput([mirrored], names).notes).toEqual([`trial "Walk 1" (sagittal): ${side}`]);
    // Walked with a walker: its knee and ankle angles where the frame hides the legs are guesses.
    const aid = walkingAidNote('walker')!;
    const withWalker = { ...view('trial-aaaaaa', [[10]], [1]), warnings: [aid] };
    expect(sessionAnalysisInput([withWalker], names).notes).toEqual([`trial "Walk 1" (sagittal): ${aid}`]);
    // Its video file damaged: frames its decoder patched are not in the numbers.
    const damage = damagedPictureNote({
      rateHz: 30,
      damagedPicture: {
        frames: [120, 121, 122],
        decoderMessage: 'concealing 40 DC, 40 AC, 40 MV errors in I frame',
      },
    })!;
    const damaged = { ...view('trial-aaaaaa', [[10]], [1]), warnings: [damage] };
    expect(sessionAnalysisInput([damaged], names).notes).toEqual([`trial "Walk 1" (sagittal): ${damage}`]);
  });

  it("maps the gait module's names to the report's: stancePct, pelvic_obliquity", () => {
    const input = sessionAnalysisInput([view('trial-aaaaaa', [[10], [20]], [1, 1.2])]);
    expect(input.left?.spatiotemporal.stanceTimePct?.mean).toBe(60);
    expect(input.left?.kinematics.pelvis_obliquity?.meanDeg[10]).toBe(2);
    expect(input.left?.footOffPct).toBe(60);
  });

  it('lists hand-edited events and the versions, models and filter in provenance', () => {
    const input = sessionAnalysisInput([view('trial-aaaaaa', [[10], [20]], [1, 1.2], true)]);
    const p = input.provenance;
    expect(p.appVersion).toBe('1.2.3');
    expect(p.poseModel).toContain('blazepose-full');
    expect(p.inferenceBackend).toContain('wasm');
    expect(p.filterSettings).toContain('Butterworth');
    expect(p.cameras[0]).toMatchObject({ id: 'sagittal', resolution: '1280x720', frameRateHz: 30 });
    expect(p.handEditedEvents).toEqual([
      { trialId: 'trial-aaaaaa', side: 'left', event: 'foot-off', editedTimeS: 1.3333 },
    ]);
    expect(p.scaleSource).toBe('subject height 1.32 m');
  });

  it("names each trial's models, backend and events when the trials differ, and the latest analysis", () => {
    const video = view('trial-video1', [[10]], [1]);
    video.provenance = {
      ...video.provenance,
      eventMethod: 'coordinate-based (Zeni 2008)',
      analysedAt: '2026-05-02T10:00:00Z',
    };
    const vicon = view('trial-vicon1', [[12]], [1.1]);
    vicon.camera = 'markers';
    vicon.provenance = {
      appVersion: '1.2.4',
      markerFile: 'FunctionalWalk.c3d',
      markerFormat: 'C3D',
      filter: 'Butterworth 6 Hz',
      eventMethod: 'imported with the recording',
      analysedAt: '2026-05-03T09:00:00Z',
    };
    const names = new Map([
      ['trial-video1', 'Walk 1'],
      ['trial-vicon1', 'Vicon walk 1'],
    ]);
    const p = sessionAnalysisInput([video, vicon], names).provenance;
    expect(p.appVersion).toBe('1.2.3 (trial "Walk 1") | 1.2.4 (trial "Vicon walk 1")');
    expect(p.poseModel).toBe(
      'blazepose-full (trial "Walk 1") | none: markers of a motion-capture system (C3D file FunctionalWalk.c3d) (trial "Vicon walk 1")',
    );
    expect(p.inferenceBackend).toBe('wasm, 2 workers (trial "Walk 1") | none (trial "Vicon walk 1")');
    expect(p.filterSettings).toBe(
      'Butterworth 6 Hz; events: coordinate-based (Zeni 2008) (trial "Walk 1") | Butterworth 6 Hz; events: imported with the recording (trial "Vicon walk 1")',
    );
    expect(p.analysedAt).toBe('2026-05-03T09:00:00Z');
    // Trials that agree give one value, named once.
    const same = sessionAnalysisInput([video, view('trial-video2', [[11]], [1])], names).provenance;
    expect(same.poseModel).toBe('blazepose-full');
    expect(same.appVersion).toBe('1.2.3');
  });

  it("notes each trial's flagged cycles and low-confidence frames inside its passes, by trial name", () => {
    const base = view('trial-aaaaaa', [[10], [20], [30]], [1, 1, 1]);
    const flagged: TrialAnalysisView = {
      ...base,
      passes: [{ index: 0, startFrame: 0, endFrame: 90, direction: 1 }],
      // Outside the pass (frame 120) is the subject leaving the view: not worth a note.
      lowConfidenceFrames: [12, 13, 14, 40, 120],
      cycles: base.cycles.map((c) =>
        c.index === 1
          ? { ...c, flags: ['too-short'], excluded: true }
          : c.index === 2
            ? { ...c, flags: ['foot-at-picture-edge', 'far-side'] }
            : { ...c, flags: ['excluded-by-user'], excluded: true, excludedByUser: true },
      ),
    };
    const input = sessionAnalysisInput([flagged], new Map([['trial-aaaaaa', 'Walk 1']]));
    expect(input.notes).toEqual([
      'trial "Walk 1" (sagittal): left cycle 2 left out (shorter than a plausible stride); ' +
        "left cycle 3 kept (a foot at the picture's edge: lengths not measured there); " +
        'low pose confidence (below 0.5, doubted mid-walk, a leg heaped up in the picture, or the pelvis or a foot lost in mid-walk) on 4 frames inside the walking passes (frames 12-14, 40): values there are less reliable.',
    ]);
    // Cycles of one side with the same caveat are named together (walking to and fro: the edge of
    // the picture at the end of every other pass).
    const fiveCycles = view('trial-cccccc', [[10], [20], [30], [40], [50]], [1, 1, 1, 1, 1]);
    const atTheEdge = (i: number) => i === 0 || i === 2 || i === 4;
    const toAndFro = sessionAnalysisInput(
      [
        {
          ...fiveCycles,
          cycles: fiveCycles.cycles.map((c) =>
            atTheEdge(c.index) ? { ...c, flags: ['foot-at-picture-edge'] } : c,
          ),
        },
      ],
      new Map([['trial-cccccc', 'Walk 2']]),
    );
    expect(toAndFro.notes).toEqual([
      `trial "Walk 2" (sagittal): left cycles 1, 3 and 5 kept (a foot at the picture's edge: lengths not measured there).`,
    ]);
    // The same note of several trials is said once, naming them.
    const edgeOnly = (id: string): TrialAnalysisView => {
      const v = view(id, [[10], [20], [30]], [1, 1, 1]);
      return {
        ...v,
        cycles: v.cycles.map((c) => (c.index === 2 ? { ...c, flags: ['foot-at-picture-edge'] } : c)),
      };
    };
    const threeWalks = sessionAnalysisInput(
      [edgeOnly('trial-dddddd'), edgeOnly('trial-eeeeee'), edgeOnly('trial-ffffff'), flagged],
      new Map([
        ['trial-dddddd', 'Walk 3'],
        ['trial-eeeeee', 'Walk 4'],
        ['trial-ffffff', 'Walk 5'],
        ['trial-aaaaaa', 'Walk 1'],
      ]),
    );
    expect(threeWalks.notes).toEqual([
      `trials "Walk 3", "Walk 4" and "Walk 5" (sagittal): left cycle 3 kept (a foot at the picture's edge: lengths not measured there).`,
      expect.stringMatching(/^trial "Walk 1" \(sagittal\): left cycle 2 left out/),
    ]);
    // Two trials of one name are told apart by their ids; a clean trial gives no note.
    const twice = sessionAnalysisInput(
      [flagged, view('trial-bbbbbb', [[10]], [1])],
      new Map([
        ['trial-aaaaaa', 'Walk 1'],
        ['trial-bbbbbb', 'Walk 1'],
      ]),
    );
    expect(twice.notes?.map((n) => n.slice(0, 25))).toEqual(['trial trial-aa (sagittal)']);
    expect(sessionAnalysisInput([view('trial-bbbbbb', [[10]], [1])]).notes).toBeUndefined();
  });

  describe('a trial analysed in 3D from its calibrated cameras', () => {
    // The cameras of trial A as a side camera each way (as in the test above): two left cycles.
    const sideOnly = (v: TrialAnalysisView) => ({
      ...v,
      curves: v.curves.filter((c) => c.variable !== 'pelvic_obliquity'),
    });
    const camerasOf = (trialId: string): TrialAnalysisView[] => [
      { ...sideOnly(view(trialId, [[60], [62]], [1.2, 1.2])), camera: 'sagittal-left' },
      {
        ...sideOnly(view(trialId, [[40], [42]], [1.3, 1.3])),
        camera: 'sagittal-right',
        curves: sideOnly(view(trialId, [[40], [42]], [1.3, 1.3])).curves.map((c) => ({
          ...c,
          farSide: true,
        })),
      },
    ];
    const bothLegs = <T extends { side: 'left' | 'right' }>(items: T[]): T[] => [
      ...items,
      ...items.map((i) => ({ ...i, side: 'right' as const })),
    ];
    // Trial A's 3D analysis: three cycles per leg (more than either camera kept), both planes.
    const base = view('trial-aaaaaa', [[50], [52], [54]], [1.4, 1.4, 1.4]);
    const abduction: CurveView = {
      ...base.curves[1]!,
      variable: 'hip_abduction',
      label: 'Hip abduction (+) / adduction',
      cycles: base.curves[1]!.cycles.map((c) => ({ ...c, values: c.values.map(() => 6) })),
    };
    const threeD: TrialAnalysisView = {
      ...base,
      camera: TRIANGULATED_CAMERA,
      view: '3d',
      cycles: bothLegs(base.cycles),
      curves: bothLegs([...base.curves, abduction]).map((c) => ({
        ...c,
        view: c.variable === 'knee_flexion' ? '3d-sagittal' : '3d-frontal',
      })),
      parameters: base.parameters.map((p) => ({ ...p, right: p.left })),
      scale: {
        metresPerUnit: 1,
        method: 'calibration',
        description:
          'camera calibration Calib_scene_recomputed.toml (imported 2026-12-04): 3D points in metres',
      },
      provenance: {
        ...base.provenance,
        calibration: 'Calib_scene_recomputed.toml (imported 2026-12-04)',
        videoSizePx: '1080x1920',
      },
    };

    it('is counted from its 3D analysis alone: its cycles, both legs, and frontal curves from 3D', () => {
      for (const order of [
        [...camerasOf('trial-aaaaaa'), threeD],
        [threeD, ...camerasOf('trial-aaaaaa')],
      ]) {
        const input = sessionAnalysisInput(order);
        for (const side of [input.left!, input.right!]) {
          expect(side.cycleCount).toBe(3);
          expect(side.kinematics.knee_flexion?.meanDeg[0]).toBeCloseTo(52, 9);
          expect(side.kinematics.knee_flexion?.farSide).toBeUndefined();
          expect(side.kinematics.pelvis_obliquity?.meanDeg[0]).toBe(2);
          expect(side.kinematics.hip_abduction?.meanDeg[0]).toBe(6);
          expect(side.spatiotemporal.speedMps?.mean).toBeCloseTo(1.4, 9);
        }
        expect(input.provenance.cameras.map((c) => c.id)).toEqual([TRIANGULATED_CAMERA]);
      }
    });

    it('names the 3D analysis and its calibration in provenance and notes, not "3d"', () => {
      const flagged: TrialAnalysisView = {
        ...threeD,
        cycles: threeD.cycles.map((c) =>
          c.side === 'left' && c.index === 1 ? { ...c, flags: ['too-short'], excluded: true } : c,
        ),
      };
      const input = sessionAnalysisInput(
        [...camerasOf('trial-aaaaaa'), flagged],
        new Map([['trial-aaaaaa', 'Walk 1']]),
      );
      expect(input.provenance.cameras).toEqual([
        {
          id: TRIANGULATED_CAMERA,
          label: 'trial "Walk 1"',
          view: '3D, triangulated from calibrated cameras',
          resolution: '1080x1920',
          frameRateHz: 30,
        },
      ]);
      expect(input.provenance.scaleSource).toBe(
        'camera calibration Calib_scene_recomputed.toml (imported 2026-12-04): 3D points in metres',
      );
      expect(input.notes).toEqual([
        'trial "Walk 1" (3D): left cycle 2 left out (shorter than a plausible stride).',
      ]);
    });

    it('leaves a trial without 3D as it was, and reads a trial whose 3D failed from its cameras', () => {
      const cameraTrial = sessionAnalysisInput(camerasOf('trial-bbbbbb')).left!;
      expect(cameraTrial.cycleCount).toBe(2);
      expect(cameraTrial.kinematics.knee_flexion?.meanDeg[0]).toBeCloseTo(61, 9);
      expect(cameraTrial.kinematics.hip_abduction).toBeUndefined();
      // Trial A in 3D and trial B from its cameras, in one session: 3 + 2 cycles.
      const session = sessionAnalysisInput([
        ...camerasOf('trial-aaaaaa'),
        threeD,
        ...camerasOf('trial-bbbbbb'),
      ]);
      expect(session.left?.cycleCount).toBe(5);
      expect(session.right?.cycleCount).toBe(3);
      expect(session.left?.kinematics.knee_flexion?.meanDeg[0]).toBeCloseTo((50 + 52 + 54 + 60 + 62) / 5, 9);
      expect(session.provenance.cameras.map((c) => c.id)).toEqual([
        TRIANGULATED_CAMERA,
        'sagittal-left',
        'sagittal-right',
      ]);
      // A balance trial (or a calibration that did not fit): the 3D analysis failed, the cameras count.
      const failed: TrialAnalysisView = { ...threeD, status: 'failed', message: 'The subject did not walk.' };
      const fallback = sessionAnalysisInput([...camerasOf('trial-aaaaaa'), failed]);
      expect(fallback.left?.cycleCount).toBe(2);
      expect(fallback.left?.kinematics.knee_flexion?.meanDeg[0]).toBeCloseTo(61, 9);
      expect(fallback.right).toBeUndefined();
      expect(fallback.provenance.scaleSource).toBe('subject height 1.32 m');
    });
  });
});
