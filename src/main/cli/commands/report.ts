// gaitlab report <session-id> [--compare <session-id>] [--normative <set-id|auto|none>] [--paper a4|letter] --out report.pdf
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { UserError } from '../command';
import { outputFile } from '../output-file';
import { openLab } from '../../services/lab-services';
import { printReportPdf } from '../../report/print-report-pdf';
import type { Paper } from '../../report/pdf-page-templates';
import { reportHref } from '../../../shared/api/report-route';
import type { OperationHandlers } from '../../../shared/api/contract';
import type { PatientInfo, SessionInfo } from '../../../shared/api/entities';
import { callOperation } from '../call-operation';

/**
 * The report refuses a patient without a date of birth (it prints the age at each session); at the
 * terminal, say the command that enters it.
 */
async function withDateOfBirthHint(
  handlers: OperationHandlers,
  sessionId: string,
  err: unknown,
): Promise<unknown> {
  try {
    const session = await callOperation<SessionInfo>(handlers, 'sessions.get', { id: sessionId });
    const patient = await callOperation<PatientInfo>(handlers, 'patients.get', { id: session.patientId });
    if (patient.dateOfBirth) return err;
    const message = err instanceof Error ? err.message : String(err);
    return new UserError(`${message}\n  gaitlab patients edit ${patient.id} --dob YYYY-MM-DD`);
  } catch {
    return err;
  }
}

function rendererDir(): string {
  // Built layout: out/main/cli.js beside out/renderer/.
  return fileURLToPath(new URL('../renderer', import.meta.url));
}

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'Print a session report, or a comparison of two sessions, to PDF',
  usage: `gaitlab report <session-id> [--compare <session-id>] [--normative <set-id|auto|none>]
               [--trial <trial-id>] [--compare-trial <trial-id>] [--paper a4|letter] --out report.pdf

Prints the assessment report of a session (its analysed trials averaged cycle by cycle) the way the
Report page shows it: header, spatiotemporal table, joint angle curves over the normal band, GVS,
GPS and MAP, video stills, interpretation, signature line and provenance. With --compare, session
A is <session-id> (before) and B the other (after): both curves overlaid, differences and flags.
  --compare ID      second session of the same patient (after)
  --normative ID    reference set (gaitlab normative list); auto (default) picks by age and
                    walking speed; none prints no band and no gait indices
  --trial ID        use this trial only instead of all analysed trials of the session
  --compare-trial ID  the same for the second session
  --paper SIZE      a4 (default) or letter
  --out FILE        the PDF to write
Needs Chromium or Chrome (GAITLAB_CHROMIUM=path to choose one).`,
  run: async (argv, ctx) => {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        compare: { type: 'string' },
        normative: { type: 'string' },
        trial: { type: 'string' },
        'compare-trial': { type: 'string' },
        paper: { type: 'string' },
        out: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    const sessionId = positionals[0];
    if (!sessionId) throw new UserError(`Give the session ID.\n\n${reportCommand.usage}`);
    if (!values.out) throw new UserError('Give the PDF to write with --out report.pdf.');
    const ID = /^[A-Za-z0-9_-]{6,64}$/;
    for (const [flag, v] of [
      ['session', sessionId],
      ['--compare', values.compare],
      ['--trial', values.trial],
      ['--compare-trial', values['compare-trial']],
    ] as const)
      if (v !== undefined && !ID.test(v)) throw new UserError(`${flag} "${v}" is not a GaitLab ID.`);
    if (
      values.normative !== undefined &&
      !ID.test(values.normative) &&
      values.normative !== 'auto' &&
      values.normative !== 'none'
    )
      throw new UserError(`--normative must be a reference set ID (gaitlab normative list), auto or none.`);
    const paper = (values.paper ?? 'a4').toLowerCase();
    if (paper !== 'a4' && paper !== 'letter') throw new UserError('--paper must be a4 or letter.');
    const staticDir = rendererDir();
    if (!existsSync(staticDir))
      throw new UserError(`The renderer build is missing (${staticDir}): run npm run build.`);
    const services = openLab(ctx.labDir);
    try {
      const route = reportHref({
        sessionId,
        ...(values.compare ? { compareSessionId: values.compare } : {}),
        ...(values.normative ? { normativeSetId: values.normative } : {}),
        ...(values.trial ? { trialId: values.trial } : {}),
        ...(values['compare-trial'] ? { compareTrialId: values['compare-trial'] } : {}),
      });
      const out = outputFile('out', values.out);
      const result = await printReportPdf({
        services,
        staticDir,
        route,
        paper: paper as Paper,
        outPath: out,
      }).catch(async (err: unknown) => {
        throw await withDateOfBirthHint(services.handlers, sessionId, err);
      });
      for (const e of result.pageErrors) ctx.io.err(`page: ${e}`);
      const t = result.timingsMs;
      const s = (ms: number) => (ms / 1000).toFixed(1);
      ctx.io.out(
        `${result.mode === 'comparison' ? 'Comparison report' : 'Report'}: ${out} (${paper === 'a4' ? 'A4' : 'US Letter'}, ${Math.round(result.bytes / 1024)} KB, ${s(t.total)} s: start-up ${s(t.startup)}, page ${s(t.page)}, PDF ${s(t.pdf)})`,
      );
      for (const w of result.warnings) ctx.io.out(`  note: ${w}`);
      return 0;
    } finally {
      await services.jobs.shutdown();
      services.close();
    }
  },
};
