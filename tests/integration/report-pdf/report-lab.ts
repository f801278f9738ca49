// A lab with one patient and two sessions, each with one analysed trial of the Sports2D side-view
// walk: session A as detected, session B the same walk with a foot-off moved by hand (as a
// clinician corrects an event in review). Pose runs once; session B's trial gets a copy of the
// pose folder, so its gait analysis is re-run from the stored pose like any hand edit; B also has
// its first left cycle excluded, so its curves differ from A's.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../../src/main/services/dispatch';
import { openLab, type LabServices } from '../../../src/main/services/lab-services';
import { AnalysisRepo } from '../../../src/main/store/analysis-repo';
import { resolveInsideLab, trialDirRelative } from '../../../src/main/store/lab-folder';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import type { SessionInfo, TrialInfo } from '../../../src/shared/api/entities';
import { DEMO_CAMERA, analyseInProcess, createTrialLab } from '../../helpers/analysed-trial';

export interface ReportLab {
  labDir: string;
  patientId: string;
  sessionA: string;
  sessionB: string;
  trialA: string;
  trialB: string;
}

async function call<T>(lab: LabServices, op: string, input: unknown): Promise<T> {
  const envelope = await dispatch(lab.handlers, op, input);
  if (!envelope.ok) throw new Error(`${op} failed: ${envelope.error.message}`);
  return envelope.result as T;
}

const READY_FILE = 'report-lab.json';

/** Builds the lab (or reuses one already built in labDir, for local iteration). */
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
    const analyses = new AnalysisRepo(lab.db);
    const rowA = analyses.get(base.trial.id, DEMO_CAMERA);
    if (!rowA?.poseDir || !rowA.resultPath) throw new Error('Session A trial has no stored analysis.');
    const sessionB = await call<SessionInfo>(lab, 'sessions.create', {
      patientId: base.patient.id,
      date: '2027-05-18',
      condition: 'post-op',
      examiner: 'Dr Gait',
    });
    const created = await call<TrialInfo>(lab, 'trials.create', {
      sessionId: sessionB.id,
      name: 'Walk 1',
      cameras: [DEMO_CAMERA],
    });
    const dirB = trialDirRelative(base.patient.id, sessionB.id, created.id);
    const videoRel = `${dirB}/${DEMO_CAMERA}.mp4`;
    const poseRel = `${dirB}/pose-${DEMO_CAMERA}`;
    const resultRel = `${dirB}/analysis-${DEMO_CAMERA}.json`;
    mkdirSync(resolveInsideLab(labDir, dirB), { recursive: true });
    cpSync(resolveInsideLab(labDir, base.trial.files[0]!.relativePath), resolveInsideLab(labDir, videoRel));
    cpSync(resolveInsideLab(labDir, rowA.poseDir), resolveInsideLab(labDir, poseRel), { recursive: true });
    cpSync(resolveInsideLab(labDir, rowA.resultPath), resolveInsideLab(labDir, resultRel));
    lab.trials.addFiles(
      created.id,
      [{ camera: DEMO_CAMERA, relativePath: videoRel, kind: 'video' }],
      'analysed',
    );
    analyses.upsert(created.id, DEMO_CAMERA, {
      status: 'analysed',
      poseDir: poseRel,
      resultPath: resultRel,
      settings: rowA.settings,
    });
    // The hand edit: the second left foot off moved 3 frames later.
    const view = JSON.parse(readFileSync(resolveInsideLab(labDir, resultRel), 'utf8')) as TrialAnalysisView;
    const footOffs = view.events.filter((e) => e.side === 'left' && e.kind === 'foot-off');
    const target = footOffs[1] ?? footOffs[0];
    if (!target) throw new Error('The demo walk analysis has no left foot off to edit.');
    await call(lab, 'analysis.moveEvent', {
      trialId: created.id,
      side: 'left',
      kind: 'foot-off',
      fromFrame: target.frame,
      toFrame: target.frame + 3,
    });
    // And the first left cycle excluded (as after reviewing a stumble), so B's curves differ.
    await call(lab, 'analysis.setCycleExcluded', {
      trialId: created.id,
      side: 'left',
      index: 0,
      excluded: true,
    });
    const info: ReportLab = {
      labDir,
      patientId: base.patient.id,
      sessionA: base.session.id,
      sessionB: sessionB.id,
      trialA: base.trial.id,
      trialB: created.id,
    };
    writeFileSync(readyPath, JSON.stringify(info));
    return info;
  } finally {
    lab.close();
  }
}
