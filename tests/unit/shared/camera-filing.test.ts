import { describe, expect, it } from 'vitest';
import { viewToFileAs } from '../../../src/shared/camera-filing';

describe('the view a camera filed wrongly is offered', () => {
  it('a side camera whose name disagrees with the leg it sees: the other side', () => {
    expect(viewToFileAs({ camera: 'sagittal-left', sideDoubt: true }, ['sagittal-left'])).toBe(
      'sagittal-right',
    );
    expect(
      viewToFileAs({ camera: 'sagittal-right', sideDoubt: true }, ['sagittal-right', 'sagittal-left']),
    ).toBe('sagittal-left');
  });

  it('a frontal or posterior camera the subject crosses: the side the trial lacks, if one', () => {
    const doubt = 'The subject crosses the picture.';
    expect(viewToFileAs({ camera: 'frontal', viewDoubt: doubt }, ['sagittal-left', 'frontal'])).toBe(
      'sagittal-right',
    );
    expect(viewToFileAs({ camera: 'posterior', viewDoubt: doubt }, ['sagittal-right', 'posterior'])).toBe(
      'sagittal-left',
    );
    expect(
      viewToFileAs({ camera: 'frontal', viewDoubt: doubt }, ['sagittal-left', 'sagittal-right', 'frontal']),
    ).toBeNull();
  });

  it('nothing doubted: nothing offered', () => {
    expect(viewToFileAs({ camera: 'sagittal-left' }, ['sagittal-left'])).toBeNull();
    expect(viewToFileAs({ camera: 'frontal', viewDoubt: null }, ['sagittal-left', 'frontal'])).toBeNull();
  });
});
