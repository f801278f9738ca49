// A lab with one trial whose cameras are analysed in this process, opened in Chromium through the
// web bridge: what the review suites start from.
import { analyseInProcess, createTrialLab, type DemoCamera, type TrialLab } from './analysed-trial';
import { openBrowserSession, type BrowserSession } from './browser-session';

export async function analysedTrialInBrowser(
  cameras?: DemoCamera[],
): Promise<{ lab: TrialLab; session: BrowserSession }> {
  const lab = await createTrialLab(cameras ? { cameras } : {});
  const done = await analyseInProcess(lab.labDir, lab.trial.id);
  if (done.state !== 'done') throw new Error(`The analysis did not finish: ${done.message ?? done.state}`);
  return { lab, session: await openBrowserSession(lab.labDir) };
}
