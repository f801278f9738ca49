// A trial whose video was moved or deleted outside GaitLab after it was analysed: the report says
// so on the stills' page (not ffmpeg's "No such file" with this computer's path), and analysing it
// again fails with the same sentence and advice that is not "try again". A deleted pose folder
// likewise: the report says the stills need the trial analysed again (they were left out silently).
import { renameSync, rmSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportView } from '../../../src/shared/api/report-types';
import { resolveInsideLab, trialDirRelative } from '../../../src/main/store/lab-folder';
import { failureAdvice, withoutPaths } from '../../../src/shared/failure-advice';
import {
  analyseInProcess,
  callLab,
  createTrialLab,
  DEMO_CAMERA,
  type TrialLab,
} from '../../helpers/analysed-trial';

let lab: TrialLab;
let videoRel = '';

beforeAll(async () => {
  lab = await createTrialLab();
  expect((await analyseInProcess(lab.labDir, lab.trial.id)).state).toBe('done');
  videoRel = `${trialDirRelative(lab.patient.id, lab.session.id, lab.trial.id)}/${DEMO_CAMERA}.mp4`;
  renameSync(resolveInsideLab(lab.labDir, videoRel), `${resolveInsideLab(lab.labDir, videoRel)}.moved`);
}, 600_000);

const missing = () =>
  `The ${DEMO_CAMERA} video of trial "Walk 1" is missing from the lab folder (${videoRel}): it was moved or deleted outside GaitLab. Put it back there, or import the recording again as a new trial.`;

describe('a trial whose video was moved away after its analysis', () => {
  it("the report keeps the trial's numbers and says why it has no stills, with the file's name only", async () => {
    const report = await callLab<ReportView>(lab.labDir, 'reports.get', { sessionId: lab.session.id });
    expect(report.stills).toEqual([]);
    expect(report.stillsMessage).toBe(`Video stills could not be made: ${withoutPaths(missing())}`);
    expect(report.stillsMessage).toContain(`(${DEMO_CAMERA}.mp4)`);
    expect(report.model.header.sessions).toHaveLength(1);
  });

  it('analysing it again fails with that sentence, and the advice is to put it back or import it again', async () => {
    const job = await analyseInProcess(lab.labDir, lab.trial.id);
    expect(job.state).toBe('failed');
    const trial = await callLab<{ status: string; statusMessage: string }>(lab.labDir, 'trials.get', {
      id: lab.trial.id,
    });
    expect(trial.status).toBe('failed');
    expect(trial.statusMessage).toBe(`The analysis failed: ${missing()}`);
    expect(failureAdvice(trial.statusMessage)).toMatch(/^The file is no longer in the lab folder/);
  });
});

describe('a trial whose pose folder was deleted after its analysis', () => {
  it('the report keeps its numbers and says the stills need the trial analysed again', async () => {
    const t = await createTrialLab();
    expect((await analyseInProcess(t.labDir, t.trial.id)).state).toBe('done');
    const trialDir = trialDirRelative(t.patient.id, t.session.id, t.trial.id);
    rmSync(resolveInsideLab(t.labDir, `${trialDir}/pose-${DEMO_CAMERA}`), { recursive: true });
    const report = await callLab<ReportView>(t.labDir, 'reports.get', { sessionId: t.session.id });
    expect(report.stills).toEqual([]);
    expect(report.stillsMessage).toBe(
      `Video stills could not be made: the pose track of trial "Walk 1" (${DEMO_CAMERA}) is missing from the lab folder. Analyse the trial again to make it.`,
    );
    expect(report.model.header.sessions).toHaveLength(1);
  });
});
