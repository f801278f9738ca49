// A lab with one patient and two sessions, each with one analysed trial of the Sports2D side-view
// walk: session A as detected, session B the same walk with a foot-off moved by hand (as a
// clinician corrects an event in review) and its first left cycle excluded, so B's curves differ
// from A's. A second person (a control) has a session with the same walk, for lab reference sets.
// Pose runs once; the other trials get a copy of the pose folder, so their gait analysis is re-run
// from the stored pose like any hand edit.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../../src/main/services/dispatch';
import { openLab, type LabServices } from '../../../src/main/services/lab-services';
import { AnalysisRepo, type AnalysisRow } from '../../../src/main/store/analysis-repo';
import { resolveInsideLab, trialDirRelative } from '../../../src/main/store/lab-folder';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import type { PatientInfo, SessionInfo, TrialInfo } from '../../../src/shared/api/entities';
import { DEMO_CAMERA, analyseInProcess, createTrialLab } from '../../helpers/analysed-trial';
import { readSharedBytes } from '../../helpers/shared-data';
import { readC3D } from '../../../src/main/formats/c3d-reader';
import { c3dGaitEvents, c3dToTrajectorySet } from '../../../src/main/formats/c3d-trajectories';
import { analyseTrajectories } from '../../../src/main/gait/analyse';
import { analysisToView } from '../../../src/main/services/analysis-view';

const C3D_WALK = 'btkdata_c3d_plugingait/PiG_fullbody/PiG_Motion-FlatFoot-Full.c3d';

export interface ReportLab {
  labDir: string;
  patientId: string;
  sessionA: string;
  sessionB: string;
  trialA: string;
  trialB: string;
  /** Another person's session (same walk), for building a lab reference set. */
  controlSession: string;
  /** A third person's session analysed from a Plug-in Gait C3D walk: 3D, sagittal and frontal angles. */
  c3dSession: string;
}

async function call<T>(lab: LabServices, op: string, input: unknown): Promise<T> {
  const envelope = await dispatch(lab.handlers, op, input);
  if (!envelope.ok) throw new Error(`${op} failed: ${envelope.error.message}`);
  return envelope.result as T;
}

const READY_FILE = 'report-lab.json';

/** A new trial in the session holding a copy of an analysed trial's video, pose and analysis. */
async function copyAnalysedTrial(
  lab: LabServices,
  from: { trial: TrialInfo; row: AnalysisRow },
  session: SessionInfo,
): Promise<TrialInfo> {
  const root = lab.layout.root;
  const created = await call<TrialInfo>(lab, 'trials.create', {
    sessionId: session.id,
    name: 'Walk 1',
    cameras: [DEMO_CAMERA],
  });
  const dir = trialDirRelative(session.patientId, session.id, created.id);
  const videoRel = `${dir}/${DEMO_CAMERA}.mp4`;
  const poseRel = `${dir}/pose-${DEMO_CAMERA}`;
  const resultRel = `${dir}/analysis-${DEMO_CAMERA}.json`;
  mkdirSync(resolveInsideLab(root, dir), { recursive: true });
  cpSync(resolveInsideLab(root, from.trial.files[0]!.relativePath), resolveInsideLab(root, videoRel));
  cpSync(resolveInsideLab(root, from.row.poseDir!), resolveInsideLab(root, poseRel), { recursive: true });
  cpSync(resolveInsideLab(root, from.row.resultPath!), resolveInsideLab(root, resultRel));
  lab.trials.addFiles(
    created.id,
    [{ camera: DEMO_CAMERA, relativePath: videoRel, kind: 'video' }],
    'analysed',
  );
  new AnalysisRepo(lab.db).upsert(created.id, DEMO_CAMERA, {
    status: 'analysed',
    poseDir: poseRel,
    resultPath: resultRel,
    settings: from.row.settings,
  });
  return lab.trials.get(created.id)!;
}

/**
 * A patient whose session holds a Plug-in Gait C3D walk analysed by the gait module (3D: sagittal
 * and frontal angles, Vicon's own events), stored as that trial's analysis; no video, no stills.
 */
async function c3dWalkSession(lab: LabServices): Promise<SessionInfo> {
  const patient = await call<PatientInfo>(lab, 'patients.create', {
    name: 'Marco Markers',
    hospitalId: 'GL-0300',
    dateOfBirth: '2015-02-20',
    sex: 'male',
    diagnosis: 'Spastic diplegic CP',
    gmfcsLevel: 2,
    affectedSide: 'bilateral',
  });
  const session = await call<SessionInfo>(lab, 'sessions.create', {
    patientId: patient.id,
    date: '2026-09-14',
    condition: 'barefoot',
    examiner: 'Dr Vicon',
  });
  const trial = await call<TrialInfo>(lab, 'trials.create', {
    sessionId: session.id,
    name: 'C3D walk',
    cameras: ['c3d'],
  });
  const file = readC3D(readSharedBytes(C3D_WALK));
  const result = analyseTrajectories(c3dToTrajectorySet(file), { events: c3dGaitEvents(file) });
  if (!result.ok) throw new Error(`C3D walk analysis failed: ${result.error.message}`);
  const view = analysisToView(result.analysis, {
    trialId: trial.id,
    camera: 'c3d',
    videoRelativePath: '',
    lowConfidenceFrames: [],
    eventsEditedByHand: false,
    provenance: {
      appVersion: 'test',
      landmarkModel: 'Plug-in Gait markers (C3D)',
      filter: 'as in the gait module',
    },
  });
  const resultRel = `${trialDirRelative(patient.id, session.id, trial.id)}/analysis-c3d.json`;
  const path = resolveInsideLab(lab.layout.root, resultRel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, JSON.stringify(view));
  new AnalysisRepo(lab.db).upsert(trial.id, 'c3d', { status: 'analysed', resultPath: resultRel });
  lab.trials.setStatus(trial.id, 'analysed');
  return session;
}

/** Builds the lab (or reuses one already built in labDir, for local iteration and benchmarks). */
export async function createReportLab(
  labDir = mkdtempSync(join(tmpdir(), 'gaitlab-report-')),
): Promise<ReportLab> {
  const readyPath = join(labDir, READY_FILE);
  if (existsSync(readyPath)) return JSON.parse(readFileSync(readyPath, 'utf8')) as ReportLab;
  mkdirSync(labDir, { recursive: true });
  const base = await createTrialLab({}, labDir);
  const job = await analyseInProcess(labDir, base.trial.id);
  if (job.state !== 'done')
    throw new Error(`Pose/gait analysis of the demo walk ended ${job.state}: ${job.message ?? ''}`);

  const lab = openLab(labDir);
  try {
    // Sex picks the row of a walkway normal table.
    lab.patients.update(base.patient.id, { sex: 'female' });
    const row = new AnalysisRepo(lab.db).get(base.trial.id, DEMO_CAMERA);
    if (!row?.poseDir || !row.resultPath) throw new Error('Session A trial has no stored analysis.');
    const source = { trial: base.trial, row };
    const sessionB = await call<SessionInfo>(lab, 'sessions.create', {
      patientId: base.patient.id,
      date: '2027-05-18',
      condition: 'post-op',
      examiner: 'Dr Gait',
    });
    const trialB = await copyAnalysedTrial(lab, source, sessionB);
    // The hand edit: the second left foot off moved 3 frames later.
    const view = JSON.parse(
      readFileSync(
        resolveInsideLab(
          labDir,
          `${trialDirRelative(base.patient.id, sessionB.id, trialB.id)}/analysis-${DEMO_CAMERA}.json`,
        ),
        'utf8',
      ),
    ) as TrialAnalysisView;
    const footOffs = view.events.filter((e) => e.side === 'left' && e.kind === 'foot-off');
    const target = footOffs[1] ?? footOffs[0];
    if (!target) throw new Error('The demo walk analysis has no left foot off to edit.');
    await call(lab, 'analysis.moveEvent', {
      trialId: trialB.id,
      side: 'left',
      kind: 'foot-off',
      fromFrame: target.frame,
      toFrame: target.frame + 3,
    });
    // And the first left cycle excluded (as after reviewing a stumble).
    await call(lab, 'analysis.setCycleExcluded', {
      trialId: trialB.id,
      side: 'left',
      index: 0,
      excluded: true,
    });

    const control = await call<PatientInfo>(lab, 'patients.create', {
      name: 'Cora Control',
      dateOfBirth: '2011-06-01',
      heightM: 1.65,
    });
    const controlSession = await call<SessionInfo>(lab, 'sessions.create', {
      patientId: control.id,
      date: '2026-11-03',
      condition: 'barefoot',
      examiner: 'Dr Gait',
    });
    await copyAnalysedTrial(lab, source, controlSession);

    const c3dSession = await c3dWalkSession(lab);

    const info: ReportLab = {
      labDir,
      patientId: base.patient.id,
      sessionA: base.session.id,
      sessionB: sessionB.id,
      trialA: base.trial.id,
      trialB: trialB.id,
      controlSession: controlSession.id,
      c3dSession: c3dSession.id,
    };
    writeFileSync(readyPath, JSON.stringify(info));
    return info;
  } finally {
    lab.close();
  }
}
