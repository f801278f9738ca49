// The web bridge on a lab folder with one Chromium page open on it: what most e2e suites start
// from. Console errors and page errors are collected; `close` stops both.
import type { Browser, Page } from 'playwright-core';
import { collectConsoleErrors, launchChromium } from './chromium';
import { startServe, type ServeProcess } from './serve-process';

export interface BrowserSession {
  serve: ServeProcess;
  browser: Browser;
  page: Page;
  consoleErrors: string[];
  close: () => Promise<void>;
}

export async function openBrowserSession(
  labDir: string,
  viewport: { width: number; height: number } = { width: 1366, height: 900 },
): Promise<BrowserSession> {
  const serve = await startServe(labDir);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  const consoleErrors: string[] = [];
  collectConsoleErrors(page, consoleErrors);
  return {
    serve,
    browser,
    page,
    consoleErrors,
    close: async () => {
      await browser.close();
      await serve.stop();
    },
  };
}
