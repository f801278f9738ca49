// axe-core in a page that runs under the app's Content Security Policy. The CSP rightly refuses
// inline <script> tags, so page.addScriptTag({content}) is blocked; page.evaluate(source) goes
// through the DevTools protocol, which the CSP does not govern.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Serious and critical axe violations on the page as it is now, one readable line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Strings, not functions: they run in the page, and the tests' TypeScript has no DOM types.
  if (!(await page.evaluate("typeof window.axe !== 'undefined'"))) await page.evaluate(axeSource);
  const violations = (await page.evaluate(
    "window.axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)",
  )) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} at ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`)
          .join('; ')}`,
    );
}
