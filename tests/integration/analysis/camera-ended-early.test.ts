// A camera lost while recording (or stopped first) ends seconds before the trial's others: its
// analysis says so, so its fewer cycles are not read as the patient's.
import { describe, expect, it } from 'vitest';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import type { CaptureReport } from '../../../src/shared/api/ops/capture';
import { analyseInProcess, callLab, createTrialLab } from '../../helpers/analysed-trial';

describe('a trial whose right camera stopped 4 s before the left one', () => {
  it("says so on the right camera's analysis, not on the left one's", async () => {
    const lab = await createTrialLab({
      cameras: [
        { camera: 'sagittal-left' },
        // Mirrored as the camera on her other side sees her; its first 100 frames (3.3 s of 7.7 s).
        { camera: 'sagittal-right', variant: ['-vf', 'hflip', '-frames:v', '100'] },
      ],
    });
    const report = await callLab<CaptureReport>(lab.labDir, 'capture.sync', {
      trialId: lab.trial.id,
      method: 'manual',
      offsetsMs: {},
    });
    console.log(
      `lengths: ${report.cameras.map((c) => `${c.camera} ${c.durationS.toFixed(2)} s`).join(', ')}`,
    );
    const done = await analyseInProcess(lab.labDir, lab.trial.id);
    expect(done.state, done.message).toBe('done');
    const view = (camera: string) =>
      callLab<TrialAnalysisView>(lab.labDir, 'analysis.get', { trialId: lab.trial.id, camera });
    const [left, right] = await Promise.all([view('sagittal-left'), view('sagittal-right')]);
    const note = right.warnings.find((w) => w.includes('ends'));
    console.log(`right camera (${right.status}, ${right.cycles.length} cycles): ${note}`);
    expect(note).toMatch(
      /^The sagittal-right camera's video ends 4\.\d s before the trial's other cameras' \(unplugged while recording, or stopped first\): this analysis covers the 3\.3 s it filmed\.$/,
    );
    expect(left.status).toBe('analysed');
    expect(left.warnings.join(' ')).not.toMatch(/video ends/);
  }, 300_000);
});
