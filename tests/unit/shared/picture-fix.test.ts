import { describe, expect, it } from 'vitest';
import {
  composePictureFixes,
  NO_PICTURE_FIX,
  pictureFixSuffix,
  type PictureFix,
} from '../../../src/shared/picture-fix';
import { fixOfVideo } from '../../../src/main/capture/fix-trial-video';

/** Where a picture's top-left corner goes under a fix, on a square picture's corners 0..3 clockwise. */
function corner(fix: PictureFix, start = 0): number {
  let c = start;
  if (fix.mirrored) c = [1, 0, 3, 2][c]!; // left and right exchanged
  return (c + fix.turnDeg / 90) % 4;
}

describe('fixes of a picture made one after another', () => {
  const all: PictureFix[] = [0, 90, 180, 270].flatMap((t) =>
    [false, true].map((m) => ({ turnDeg: t as PictureFix['turnDeg'], mirrored: m })),
  );

  it('compose into the one fix that does both, for every pair (checked on the corners)', () => {
    for (const a of all)
      for (const b of all) {
        const ab = composePictureFixes(a, b);
        for (const c of [0, 1, 2, 3])
          expect(corner(ab, c), `${JSON.stringify(a)} then ${JSON.stringify(b)}`).toBe(
            corner(b, corner(a, c)),
          );
      }
  });

  it('undo each other: half a turn twice, a mirror twice, a quarter turn and three more', () => {
    expect(composePictureFixes({ turnDeg: 180, mirrored: false }, { turnDeg: 180, mirrored: false })).toEqual(
      NO_PICTURE_FIX,
    );
    expect(composePictureFixes({ turnDeg: 0, mirrored: true }, { turnDeg: 0, mirrored: true })).toEqual(
      NO_PICTURE_FIX,
    );
    expect(composePictureFixes({ turnDeg: 90, mirrored: false }, { turnDeg: 270, mirrored: false })).toEqual(
      NO_PICTURE_FIX,
    );
  });

  it('name the copies, and read their names back', () => {
    for (const fix of all) {
      const suffix = pictureFixSuffix(fix);
      expect(
        fixOfVideo(suffix ? `trials/t/sagittal-left.${suffix}.mp4` : 'trials/t/sagittal-left.webm'),
      ).toEqual(fix);
    }
    expect(pictureFixSuffix({ turnDeg: 90, mirrored: true })).toBe('turned-90-mirrored');
    expect(fixOfVideo('trials/t/sagittal-left.mp4')).toEqual(NO_PICTURE_FIX);
  });
});
