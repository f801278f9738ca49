// `gaitlab report` and the web bridge print a report the way a clinician would: the report route of
// the same renderer, served by an in-process bridge on a free 127.0.0.1 port, opened in headless
// Chromium (Debian's, through playwright-core) and printed once the page says it is drawn.
import { existsSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { startBridge } from '../bridge/server';
import type { LabServices } from '../services/lab-services';
import {
  PAGE_MARGINS_MM,
  READY_SELECTOR,
  footerTemplate,
  headerTemplate,
  type Paper,
  type RunningHeader,
} from './pdf-page-templates';

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export class ReportPrintError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.GAITLAB_CHROMIUM ?? env.CHROMIUM_PATH;
  if (given) {
    if (!existsSync(given)) throw new ReportPrintError(`Chromium not found at ${given} (GAITLAB_CHROMIUM).`);
    return given;
  }
  const found = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!found)
    throw new ReportPrintError(
      'No Chromium or Chrome found to print the PDF: install it (Debian: apt-get install chromium) or set GAITLAB_CHROMIUM to its path.',
    );
  return found;
}

export interface PrintReportOptions {
  services: LabServices;
  /** The renderer build (out/renderer). */
  staticDir: string;
  /** The report's hash route, e.g. #/reports/<session>?compare=<session>. */
  route: string;
  paper: Paper;
  outPath: string;
  timeoutMs?: number;
}

export interface PrintReportResult {
  outPath: string;
  bytes: number;
  mode: 'single' | 'comparison';
  /** The report's "read before interpreting" notes. */
  warnings: string[];
  /** Console errors and page errors seen while drawing (e.g. a CSP refusal). */
  pageErrors: string[];
  /** Bridge and browser start-up (overlapped), report page drawn, PDF printed. */
  timingsMs: { startup: number; page: number; pdf: number; total: number };
}

export async function printReportPdf(o: PrintReportOptions): Promise<PrintReportResult> {
  const t0 = performance.now();
  const executablePath = findChromium();
  // Browser start-up and the bridge are independent: overlap them.
  const [bridge, browser] = await Promise.all([
    startBridge({ services: o.services, staticDir: o.staticDir, port: 0 }),
    // Loaded here, not at the top: it takes most of a second and only printing needs it.
    import('playwright-core').then(({ chromium }) =>
      chromium.launch({
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      }),
    ) as Promise<Browser>,
  ]);
  const tReady = performance.now();
  const pageErrors: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const origin = new URL(bridge.url).origin;
    const url = `${origin}/?token=${encodeURIComponent(bridge.token)}${o.route}`;
    let response = await page.goto(url);
    // A rebuild of the renderer (npm run build) empties its folder for a few seconds: wait it out.
    for (let i = 0; i < 20 && !response?.ok(); i++) {
      await new Promise((r) => setTimeout(r, 500));
      response = await page.goto(url);
    }
    if (!response?.ok())
      throw new ReportPrintError(
        `The report page could not be opened (HTTP ${response?.status() ?? 'no answer'}): is the renderer built (npm run build)?`,
      );
    try {
      await page.waitForSelector(READY_SELECTOR, { state: 'attached', timeout: o.timeoutMs ?? 60_000 });
    } catch {
      const shown = ((await page.textContent('body').catch(() => '')) ?? '').trim().slice(0, 300);
      throw new ReportPrintError(
        `The report page did not finish drawing.${pageErrors.length > 0 ? ` Page errors: ${pageErrors.join(' | ')}` : ''}${shown ? ` Page shows: ${shown}` : ''}`,
      );
    }
    const failure = await page.getAttribute('html', 'data-report-error');
    if (failure) throw new ReportPrintError(failure);
    const tPage = performance.now();
    const warnings = await page.$$eval('.report-warnings li', (items) =>
      items.map((i) => i.textContent ?? ''),
    );
    const mode = (await page.getAttribute('[data-testid="report"]', 'class'))?.includes('report-comparison')
      ? ('comparison' as const)
      : ('single' as const);
    const running = JSON.parse(
      (await page.getAttribute('html', 'data-report-running')) ?? '{}',
    ) as RunningHeader;
    const pdf = await page.pdf({
      format: o.paper === 'letter' ? 'Letter' : 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: headerTemplate(running),
      footerTemplate: footerTemplate(running, new Date()),
      margin: {
        top: `${PAGE_MARGINS_MM.top}mm`,
        right: `${PAGE_MARGINS_MM.right}mm`,
        bottom: `${PAGE_MARGINS_MM.bottom}mm`,
        left: `${PAGE_MARGINS_MM.left}mm`,
      },
    });
    writeFileSync(o.outPath, pdf);
    const tEnd = performance.now();
    return {
      outPath: o.outPath,
      bytes: pdf.length,
      mode,
      warnings,
      pageErrors,
      timingsMs: {
        startup: Math.round(tReady - t0),
        page: Math.round(tPage - tReady),
        pdf: Math.round(tEnd - tPage),
        total: Math.round(tEnd - t0),
      },
    };
  } finally {
    await browser.close().catch(() => undefined);
    await bridge.close();
  }
}
