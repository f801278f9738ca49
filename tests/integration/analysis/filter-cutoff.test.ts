// The low-pass cutoff of a lab trial (API analysis.start `cutoffHz`, review's filter field, CLI
// --cutoff): the Sports2D walk analysed at 6 Hz, then 3 Hz, kept through a hand edit, then back.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import {
  analyseInProcess,
  callLab,
  createTrialLab,
  DEMO_CAMERA,
  type TrialLab,
} from '../../helpers/analysed-trial';

/** The highest left knee flexion of the mean curve, deg: its swing peak. */
const kneePeak = (v: TrialAnalysisView): number =>
  Math.max(
    ...v.curves
      .find((c) => c.variable === 'knee_flexion' && c.side === 'left')!
      .mean.filter((x): x is number => x !== null && Number.isFinite(x)),
  );

describe('the low-pass cutoff of a lab trial', () => {
  let t: TrialLab;
  const view = () =>
    callLab<TrialAnalysisView>(t.labDir, 'analysis.get', { trialId: t.trial.id, camera: DEMO_CAMERA });
  let usual: TrialAnalysisView;

  beforeAll(async () => {
    t = await createTrialLab();
    const r = await analyseInProcess(t.labDir, t.trial.id);
    expect(r.state, r.message).toBe('done');
    usual = await view();
  }, 600_000);

  it('is 6 Hz unless changed; another is used, said and kept, through a hand edit too', async () => {
    expect(usual.provenance.filter).toBe('zero-lag 4th-order Butterworth low-pass, 6 Hz');
    const r = await analyseInProcess(t.labDir, t.trial.id, { cutoffHz: 3 });
    expect(r.state, r.message).toBe('done');
    const smooth = await view();
    expect(smooth.provenance.filter).toBe('zero-lag 4th-order Butterworth low-pass, 3 Hz');
    console.log(
      `left knee swing peak: ${kneePeak(usual).toFixed(1)} deg at 6 Hz, ${kneePeak(smooth).toFixed(1)} at 3 Hz`,
    );
    expect(kneePeak(smooth)).toBeLessThan(kneePeak(usual) - 1);
    // A hand edit analyses again from the stored pose: with the trial's cutoff.
    const ic = smooth.events.find((e) => e.side === 'left' && e.kind === 'initial-contact' && e.frame > 60)!;
    const moved = await callLab<TrialAnalysisView>(t.labDir, 'analysis.moveEvent', {
      trialId: t.trial.id,
      camera: DEMO_CAMERA,
      side: 'left',
      kind: 'initial-contact',
      fromFrame: ic.frame,
      toFrame: Math.round(ic.frame) + 1,
    });
    expect(moved.provenance.filter).toBe('zero-lag 4th-order Butterworth low-pass, 3 Hz');
    // Analysed again without saying: as before.
    expect((await analyseInProcess(t.labDir, t.trial.id)).state).toBe('done');
    expect((await view()).provenance.filter).toBe('zero-lag 4th-order Butterworth low-pass, 3 Hz');
  });

  it('returns to the default with null, and refuses a cutoff outside 0.5-30 Hz', async () => {
    expect((await analyseInProcess(t.labDir, t.trial.id, { cutoffHz: null })).state).toBe('done');
    const back = await view();
    expect(back.provenance.filter).toBe('zero-lag 4th-order Butterworth low-pass, 6 Hz');
    await expect(callLab(t.labDir, 'analysis.start', { trialId: t.trial.id, cutoffHz: 50 })).rejects.toThrow(
      /Give the low-pass cutoff in Hz, 0\.5-30 \(the default is 6 Hz\), or 0 for no low-pass filter; "50" is not one\./,
    );
    // At or above half this video's 30 frames/s, the analysis says why it cannot filter.
    expect((await analyseInProcess(t.labDir, t.trial.id, { cutoffHz: 20 })).state).toBe('done');
    const refused = await view();
    expect(refused.status).toBe('failed');
    expect(refused.message).toMatch(/A low-pass cutoff of 20 Hz cannot filter a recording at 30 frames\/s/);
  });
});
