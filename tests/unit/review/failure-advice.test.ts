// What review and the session page tell a clinician to do after a failed analysis, for the
// sentences the analysis writes (made by the same code, not copied).
import { describe, expect, it } from 'vitest';
import { endOnWalkMessage } from '../../../src/main/gait/end-on-walk';
import { failureAdvice, withoutPaths } from '../../../src/shared/failure-advice';

describe('failureAdvice', () => {
  it('a walk filmed from in front or behind: film from the side, keep this one as a frontal camera', () => {
    for (const travel of ['toward', 'away', 'toward-and-back', 'away-and-back', 'in-place'] as const) {
      const message = endOnWalkMessage({ travel, legPx: [120, 150, 180], strideS: 1.1 });
      expect(failureAdvice(message), travel).toMatch(
        /^This camera filmed the walk from in front or behind.*camera at the side of the walkway.*frontal or posterior camera/,
      );
    }
  });

  it('a balance trial: no walking; a damaged file: import again; anything else: try again', () => {
    expect(
      failureAdvice(
        "The subject did not walk: the pelvis moved at most 0.98 leg lengths per second and the feet did not cycle. Record a trial with the subject walking across the camera's view.",
      ),
    ).toMatch(/^This recording shows no walking/);
    expect(failureAdvice(withoutPaths('/lab/trials/a/walk.mp4: moov atom not found'))).toMatch(/damaged/);
    expect(failureAdvice('Something unexpected.')).toMatch(/^Press Try again/);
  });
});
