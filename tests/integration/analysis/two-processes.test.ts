// A trial analysed by one gaitlab command while another command opens the same lab (as the app and
// a terminal share ~/GaitLab): the second one lists it as being analysed (it listed it as
// interrupted, and would have started a second analysis into the same pose folder), refuses to
// analyse it at the same time, and the first one ends it analysed. A command killed mid-analysis
// leaves the trial interrupted for the next one at once (its process is gone from this computer).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gaitlabCli } from '../../helpers/gaitlab-cli';
import { BUILT_CLI } from '../../helpers/serve-process';
import { SPORTS2D_WALK } from '../../helpers/video-variant';

const lab = join(mkdtempSync(join(tmpdir(), 'gaitlab-two-processes-')), 'lab');
const gaitlab = gaitlabCli(lab);
const idOf = (json: string) => (JSON.parse(json) as { id: string }).id;

/** A patient's session with the walk imported as a trial of that name. */
function walkTrial(patientName: string, trialName: string): { session: string; trial: string } {
  const patient = idOf(gaitlab('patients', 'add', '--name', patientName, '--height', '1.65', '--json').out);
  const session = idOf(gaitlab('sessions', 'add', patient, '--condition', 'barefoot', '--json').out);
  const imported = gaitlab('trials', 'import', session, SPORTS2D_WALK, '--name', trialName, '--json');
  expect(imported.code, imported.err).toBe(0);
  return { session, trial: (JSON.parse(imported.out) as { trial: { id: string } }).trial.id };
}

/** `gaitlab analyze trial` started in the background: its stderr so far, and its exit. */
function analyseInBackground(trial: string): {
  err: () => string;
  ended: Promise<number | null>;
  kill: () => void;
} {
  const command = spawn(process.execPath, [BUILT_CLI, '--lab', lab, 'analyze', trial]);
  let err = '';
  command.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return {
    err: () => err,
    ended: new Promise((resolve) => command.on('close', resolve)),
    kill: () => command.kill('SIGKILL'),
  };
}

describe('two gaitlab processes on one lab', () => {
  it('the second sees the first analysing the trial and does not analyse it too', async () => {
    const { session, trial } = walkTrial('Two Processes', 'Walk 1');
    const first = analyseInBackground(trial);
    // Working: past its start-up, into the person scan or the tracking.
    await expect
      .poll(() => /Finding the patient|Pose estimation/.test(first.err()), { timeout: 60_000 })
      .toBe(true);

    expect(gaitlab('trials', 'list', session).out).toMatch(new RegExp(`^${trial}  Walk 1  analysing `, 'm'));
    const second = gaitlab('analyze', trial);
    expect(second.code).toBe(1);
    expect(second.err.trim()).toBe(
      'gaitlab analyze: Trial "Walk 1" is already being analysed (in GaitLab or by a gaitlab command on this lab). Wait for it to finish, or cancel it there.',
    );

    expect(await first.ended, first.err()).toBe(0);
    expect(gaitlab('trials', 'list', session).out).toMatch(new RegExp(`^${trial}  Walk 1  analysed `, 'm'));
    // Free again once the first has ended.
    expect(gaitlab('analyze', trial).code).toBe(0);
  }, 300_000);

  it('a command killed while it analyses leaves the trial interrupted at once, and analysing it again finishes it', async () => {
    const { session, trial } = walkTrial('Killed Command', 'Walk 2');
    const first = analyseInBackground(trial);
    await expect.poll(() => /Pose estimation {6}\[#/.test(first.err()), { timeout: 60_000 }).toBe(true);
    first.kill();
    await first.ended;
    // No 30 s wait: its process is gone from this computer.
    expect(gaitlab('trials', 'list', session).out).toMatch(
      new RegExp(
        `^${trial}  Walk 2  recorded \\(The analysis was interrupted\\. Run it again: it resumes where it stopped\\.\\)`,
        'm',
      ),
    );
    const again = gaitlab('analyze', trial);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/^Left: \d+ of \d+ cycle\(s\) used\.$/m);
  }, 300_000);
});
