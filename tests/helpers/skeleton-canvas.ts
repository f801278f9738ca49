// How much of review's skeleton overlay is painted: the canvas' non-transparent pixels. Evaluated
// as a string because the tests' TypeScript has no DOM types.
import type { Page } from 'playwright-core';

export const skeletonPixels = (page: Page): Promise<number> =>
  page.evaluate(`(() => {
    const c = document.querySelector('.skeleton-canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  })()`) as Promise<number>;
