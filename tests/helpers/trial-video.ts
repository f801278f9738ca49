// The review's video element as a test reads it. The test's TypeScript has no DOM types and the
// page's CSP forbids string evaluation, hence the cast inside a function.
import type { Page } from 'playwright-core';

export interface TrialVideoState {
  currentSrc: string;
  /** 0 when nothing plays. */
  videoWidth: number;
  readyState: number;
  currentTime: number;
  seeking: boolean;
}

/** What the trial's video element has loaded: its source, picture size and clock. */
export function trialVideoState(page: Page): Promise<TrialVideoState> {
  return page.locator('video[aria-label="Trial video"]').evaluate((v) => {
    const e = v as unknown as TrialVideoState;
    return {
      currentSrc: e.currentSrc,
      videoWidth: e.videoWidth,
      readyState: e.readyState,
      currentTime: e.currentTime,
      seeking: e.seeking,
    };
  });
}

/** The picture has settled on `frame` (review shows a frame from the middle of its display interval). */
export async function showsFrame(page: Page, frame: number, fps: number): Promise<boolean> {
  const st = await trialVideoState(page);
  return !st.seeking && Math.abs(st.currentTime - (frame + 0.5) / fps) < 0.01;
}
