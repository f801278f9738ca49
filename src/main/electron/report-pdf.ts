// Desktop app: "Save PDF" on the Report page prints the window's own page with
// webContents.printToPDF (print CSS hides the controls), with the same paper sizes, margins and
// running header/footer as `gaitlab report`, then asks where to save it.
import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { writeFileSync } from 'node:fs';
import { IPC_REPORT_PDF_CHANNEL } from '../../shared/api/ipc-channels';
import {
  PAGE_MARGINS_MM,
  footerTemplate,
  headerTemplate,
  type Paper,
  type RunningHeader,
} from '../report/pdf-page-templates';

const inches = (mm: number) => mm / 25.4;

async function waitForReport(win: BrowserWindow, timeoutMs = 60_000): Promise<RunningHeader> {
  const started = Date.now();
  for (;;) {
    // Reads two attributes the report page sets; no page code runs.
    const state = (await win.webContents.executeJavaScript(
      `[document.documentElement.getAttribute('data-report-ready'), document.documentElement.getAttribute('data-report-error'), document.documentElement.getAttribute('data-report-running'), location.hash]`,
    )) as [string | null, string | null, string | null, string];
    if (!state[3].startsWith('#/reports/')) throw new Error('Open a report first.');
    if (state[1]) throw new Error(state[1]);
    if (state[0] === 'true') return JSON.parse(state[2] ?? '{}') as RunningHeader;
    if (Date.now() - started > timeoutMs) throw new Error('The report did not finish drawing.');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function registerReportPdf(getWindow: () => BrowserWindow | null): () => void {
  ipcMain.handle(IPC_REPORT_PDF_CHANNEL, async (event: IpcMainInvokeEvent, paper: unknown) => {
    const win = getWindow();
    if (!win || event.sender !== win.webContents) throw new Error('Request from an unknown window.');
    const size: Paper = paper === 'letter' ? 'letter' : 'a4';
    const running = await waitForReport(win);
    const pdf = await win.webContents.printToPDF({
      pageSize: size === 'letter' ? 'Letter' : 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: headerTemplate(running),
      footerTemplate: footerTemplate(running, new Date()),
      margins: {
        top: inches(PAGE_MARGINS_MM.top),
        bottom: inches(PAGE_MARGINS_MM.bottom),
        left: inches(PAGE_MARGINS_MM.left),
        right: inches(PAGE_MARGINS_MM.right),
      },
    });
    const safe = `${running.patientName} ${running.sessions}`.replace(/[^A-Za-z0-9 ._-]+/g, '').trim();
    const choice = await dialog.showSaveDialog(win, {
      title: 'Save the report as PDF',
      defaultPath: `Gait report ${safe}.pdf`,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (choice.canceled || !choice.filePath) return { savedPath: null };
    writeFileSync(choice.filePath, pdf);
    return { savedPath: choice.filePath };
  });
  return () => ipcMain.removeHandler(IPC_REPORT_PDF_CHANNEL);
}
