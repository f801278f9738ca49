import { describe, expect, it } from 'vitest';
import { chooseAnalysisVideo, defaultAnalysisCameras } from '../../../src/main/capture/trial-videos';
import type { TrialVideo } from '../../../src/shared/api/ops/capture';

function video(camera: string): TrialVideo {
  return {
    camera,
    view: null,
    relativePath: `p/s/t/${camera}.mp4`,
    absolutePath: `/lab/p/s/t/${camera}.mp4`,
    startOffsetMs: 0,
    fps: 30,
    frameCount: 90,
    durationS: 3,
  };
}

describe('which camera of a trial is analysed', () => {
  it('takes a side view before a frontal one when no camera is named', () => {
    const v = [video('frontal'), video('sagittal-right'), video('sagittal-left')];
    expect(chooseAnalysisVideo(v, 'Walk 1').camera).toBe('sagittal-left');
    expect(chooseAnalysisVideo(v.slice(0, 2), 'Walk 1').camera).toBe('sagittal-right');
  });

  it('takes the only video of an imported trial, whatever its camera is called', () => {
    expect(chooseAnalysisVideo([video('cam1')], 'Walk 1').camera).toBe('cam1');
  });

  it('takes the named camera, and says which cameras exist when it is not there', () => {
    const v = [video('frontal'), video('sagittal-left')];
    expect(chooseAnalysisVideo(v, 'Walk 1', 'frontal').camera).toBe('frontal');
    expect(() => chooseAnalysisVideo(v, 'Walk 1', 'posterior')).toThrow(
      'Trial "Walk 1" has no video for camera posterior (it has frontal, sagittal-left).',
    );
  });

  it('analyses the side cameras first, then the frontal and posterior ones (they need their events)', () => {
    const all = [video('posterior'), video('frontal'), video('sagittal-right'), video('sagittal-left')];
    expect(defaultAnalysisCameras(all, 'Walk 1')).toEqual([
      'sagittal-left',
      'sagittal-right',
      'frontal',
      'posterior',
    ]);
    expect(defaultAnalysisCameras([video('frontal'), video('sagittal-right')], 'Walk 1')).toEqual([
      'sagittal-right',
      'frontal',
    ]);
    // Without a side camera nothing can time the events: the frontal camera alone, to edit by hand.
    expect(defaultAnalysisCameras([video('frontal')], 'Walk 1')).toEqual(['frontal']);
  });

  it('asks for a recording when the trial has no video', () => {
    expect(() => chooseAnalysisVideo([], 'Walk 2')).toThrow('Record or import a video first');
  });
});
