// Drags an event marker of the review page's event panel by a number of frames, as a user does
// with the mouse (shared by the review and clinician-workflow e2e tests).
import type { Locator } from 'playwright-core';

/**
 * Drags the first of `markers` (at least two, so pixels per frame can be measured between them) by
 * `frames` in six mouse steps; `during` runs before the button is released (a screenshot of the
 * drag, say). Returns the marker's frame before the drag.
 */
export async function dragFirstMarker(
  markers: Locator,
  frames: number,
  during?: () => Promise<unknown>,
): Promise<number> {
  const page = markers.page();
  const first = markers.first();
  // Notes above the panels (such as a foot at the picture's edge) can push it below the fold.
  await first.scrollIntoViewIfNeeded();
  const f1 = Number(await first.getAttribute('data-frame'));
  const f2 = Number(await markers.nth(1).getAttribute('data-frame'));
  const b1 = (await first.locator('line').boundingBox())!;
  const b2 = (await markers.nth(1).locator('line').boundingBox())!;
  const pxPerFrame = (b2.x - b1.x) / (f2 - f1);
  const x = b1.x + b1.width / 2;
  const y = b1.y + b1.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++) await page.mouse.move(x + (i / 6) * frames * pxPerFrame, y);
  await during?.();
  await page.mouse.up();
  return f1;
}
