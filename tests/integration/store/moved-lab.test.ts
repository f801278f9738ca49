// A lab folder copied to another place (a new computer, a backup restored, a drive mounted under
// another name) has its videos at new paths with new file times. Analysing a trial again there
// (another height, an event corrected) must read the pose it already has, not pose the video again
// for minutes; a video whose bytes changed must be posed again.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPoseManifest } from '../../../src/main/pose/pose-result';
import { sameVideo, statSource, videoSource } from '../../../src/main/media/video-identity';
import { trialDirRelative } from '../../../src/main/store/lab-folder';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import { analyseInProcess, callLab, createTrialLab, DEMO_CAMERA } from '../../helpers/analysed-trial';

describe('a lab folder moved elsewhere', () => {
  it('keeps its trials posed: analysing again reads the pose made before the move', async () => {
    const t = await createTrialLab();
    const first = await analyseInProcess(t.labDir, t.trial.id);
    expect(first.state, first.message).toBe('done');
    const poseRel = join(trialDirRelative(t.patient.id, t.session.id, t.trial.id), `pose-${DEMO_CAMERA}`);
    const manifestOf = (labDir: string) => readPoseManifest(join(labDir, poseRel))!;
    const before = manifestOf(t.labDir);
    // Recorded when the job completed (hashed alongside the pose, not before it).
    expect(before.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    const cycles = (await callLab<TrialAnalysisView>(t.labDir, 'analysis.get', { trialId: t.trial.id }))!
      .cycles.length;

    // Copied without its file times, then the old folder removed.
    const moved = mkdtempSync(join(tmpdir(), 'gaitlab-moved-'));
    cpSync(t.labDir, moved, { recursive: true });
    rmSync(t.labDir, { recursive: true, force: true });

    const again = await analyseInProcess(moved, t.trial.id, { heightM: 1.6 });
    expect(again.state, again.message).toBe('done');
    const after = manifestOf(moved);
    expect(after.provenance.startedAt).toBe(before.provenance.startedAt);
    expect(after.source.sha256).toBe(before.source.sha256);
    expect(after.source.path.startsWith(moved)).toBe(true);
    const view = (await callLab<TrialAnalysisView>(moved, 'analysis.get', { trialId: t.trial.id }))!;
    expect(view.cycles.length).toBe(cycles);
    console.log(
      `moved lab: pose of ${before.frames} frames kept (started ${before.provenance.startedAt}), ${cycles} cycles before and after`,
    );
  });
});

describe('which video a pose job was made from', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gaitlab-identity-'));
  const bytes = Buffer.alloc(3 << 20, 7);

  it('is the same bytes at another path, and not one changed byte of the same size', async () => {
    writeFileSync(join(dir, 'a.mp4'), bytes);
    const recorded = await videoSource(join(dir, 'a.mp4'), undefined);
    expect(recorded.sha256).toMatch(/^[0-9a-f]{64}$/);
    cpSync(join(dir, 'a.mp4'), join(dir, 'b.mp4'));
    expect(sameVideo(recorded, await videoSource(join(dir, 'b.mp4'), recorded))).toBe(true);
    const changed = Buffer.from(bytes);
    changed[1 << 20] = 8;
    writeFileSync(join(dir, 'a.mp4'), changed);
    const now = await videoSource(join(dir, 'a.mp4'), recorded);
    expect(now.bytes).toBe(recorded.bytes);
    expect(sameVideo(recorded, now)).toBe(false);
  });

  it('takes the recorded hash for a file whose path, size and time are unchanged', async () => {
    writeFileSync(join(dir, 'c.mp4'), bytes);
    const recorded = { ...statSource(join(dir, 'c.mp4')), sha256: 'f'.repeat(64) };
    expect((await videoSource(join(dir, 'c.mp4'), recorded)).sha256).toBe('f'.repeat(64));
  });

  it('recognises a job made before hashes were recorded by its path, size and time', async () => {
    writeFileSync(join(dir, 'd.mp4'), bytes);
    const old = statSource(join(dir, 'd.mp4'));
    expect(sameVideo(old, await videoSource(join(dir, 'd.mp4'), old))).toBe(true);
    cpSync(join(dir, 'd.mp4'), join(dir, 'e.mp4'));
    expect(sameVideo(old, await videoSource(join(dir, 'e.mp4'), old))).toBe(false);
  });
});
