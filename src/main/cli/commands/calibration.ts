// gaitlab calibration import|show|remove: a session's camera calibration from a Pose2Sim, Sports2D
// or caliscope TOML file, each calibrated camera named as one of the trial cameras.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type {
  CalibrationCameraInfo,
  CalibrationPreview,
  SessionCalibrationInfo,
} from '../../../shared/api/calibration-types';
import { CAMERA_VIEWS } from '../../../shared/api/ops/capture';
import { callOperation } from '../call-operation';
import type { CliCommand, CliContext } from '../command';
import { UserError } from '../command';
import { calibrationUse, tiltWords } from '../../../shared/calibration-wording';
import { openLab } from '../../services/lab-services';

const USAGE = `gaitlab calibration import SESSION_ID FILE.toml --view CAMERA=VIEW [--view CAMERA=VIEW ...] [--json]
gaitlab calibration show SESSION_ID [--json]
gaitlab calibration remove SESSION_ID

The camera calibration of a session, from a Pose2Sim / Sports2D or caliscope TOML file (world to
camera X_cam = R X + t, metres, Z up). Each calibrated camera is named as one of the trial cameras:
VIEW is ${CAMERA_VIEWS.join(', ')}; cameras without --view are not used. With two or
more calibrated cameras the session's trials are analysed in 3D; one calibrated side camera measures
distances on the floor. Importing again replaces the session's calibration.
  import   without --view, lists the file's cameras and an example command
  show     the cameras, their views and positions, and what the import checks found
  remove   deletes the calibration (distances come again from the patient's height or floor marks)`;

const FORMAT_LABEL: Record<SessionCalibrationInfo['format'], string> = {
  pose2sim: 'Pose2Sim / Sports2D TOML',
  caliscope: 'caliscope TOML',
};

const m = (v: number) => v.toFixed(2);

function placement(c: Omit<CalibrationCameraInfo, 'view'>, floorAtOrigin: boolean): string {
  const [x, y, z] = c.positionM;
  return [
    `${c.imageSizePx[0]}x${c.imageSizePx[1]} px`,
    `at (${m(x)}, ${m(y)}, ${m(z)}) m`,
    floorAtOrigin ? `${m(z)} m above the floor` : `${m(z)} m above the origin`,
    Math.round(c.tiltDownDeg) === 0 ? 'level' : `tilted ${tiltWords(c.tiltDownDeg)}`,
  ].join(', ');
}

function summaryLines(info: SessionCalibrationInfo): string[] {
  const width = Math.max(...info.cameras.map((c) => c.name.length));
  const viewWidth = Math.max(...info.cameras.map((c) => (c.view ?? 'not used').length));
  const use = calibrationUse(
    info.cameras.map((c) => c.view),
    info.floorAtOrigin,
  );
  return [
    `Camera calibration of session ${info.sessionId}: ${info.fileName} (${FORMAT_LABEL[info.format]}), imported ${info.importedAt}`,
    ...info.cameras.map(
      (c) =>
        `  ${c.name.padEnd(width)}  ${(c.view ?? 'not used').padEnd(viewWidth)}  ${placement(c, info.floorAtOrigin)}`,
    ),
    ...(use ? [use] : []),
    ...info.notes.map((n) => `Note: ${n}`),
  ];
}

/** --view CAMERA=VIEW, repeated, as the operation's views; the operation checks the names. */
function parseViews(given: string[]): Record<string, string> {
  const views: Record<string, string> = {};
  for (const v of given) {
    const at = v.lastIndexOf('=');
    if (at <= 0 || at === v.length - 1)
      throw new UserError(`--view needs CAMERA=VIEW (e.g. --view cam_01=sagittal-left), got "${v}".`);
    const camera = v.slice(0, at).trim();
    if (camera in views) throw new UserError(`Camera "${camera}" is given two --view options: give it one.`);
    views[camera] = v.slice(at + 1).trim();
  }
  return views;
}

function readCalibrationFile(path: string): string {
  const full = resolve(path);
  if (!existsSync(full) || !statSync(full).isFile())
    throw new UserError(`The calibration file "${path}" does not exist.`);
  return readFileSync(full, 'utf8');
}

export const calibrationCommand: CliCommand = {
  name: 'calibration',
  summary: "Import, show or remove a session's camera calibration (Pose2Sim, Sports2D, caliscope TOML)",
  usage: USAGE,
  run: async (argv, ctx: CliContext) => {
    const [sub, ...rest] = argv;
    const { values, positionals } = parseArgs({
      args: rest,
      options: { view: { type: 'string', multiple: true }, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    const sessionId = positionals[0];
    if (sub !== 'import' && sub !== 'show' && sub !== 'remove')
      throw new UserError(`Unknown calibration command "${sub ?? ''}".\n${USAGE}`);
    if (!sessionId)
      throw new UserError(`Give the session ID (see gaitlab sessions list PATIENT_ID).\n${USAGE}`);
    const services = openLab(ctx.labDir);
    const call = <T>(op: string, input: unknown): Promise<T> =>
      callOperation<T>(services.handlers, op, input);
    try {
      if (sub === 'import') {
        const file = positionals[1];
        if (!file) throw new UserError(`Give the calibration file to import.\n${USAGE}`);
        const content = readCalibrationFile(file);
        const fileName = basename(file);
        if (!values.view?.length) {
          const preview = await call<CalibrationPreview>('calibration.preview', { fileName, content });
          const width = Math.max(...preview.cameras.map((c) => c.name.length));
          ctx.io.out(
            `${fileName} (${FORMAT_LABEL[preview.format]}) holds ${preview.cameras.length} camera(s):`,
          );
          for (const c of preview.cameras)
            ctx.io.out(`  ${c.name.padEnd(width)}  ${placement(c, preview.floorAtOrigin)}`);
          for (const n of preview.notes) ctx.io.out(`Note: ${n}`);
          const example = preview.cameras
            .slice(0, CAMERA_VIEWS.length)
            .map((c, i) => ` --view ${c.name}=${CAMERA_VIEWS[i]}`)
            .join('');
          throw new UserError(
            `Say which trial camera each calibrated camera is (${CAMERA_VIEWS.join(', ')}), e.g.\n  gaitlab calibration import ${sessionId} ${/\s/.test(file) ? `"${file}"` : file}${example}`,
          );
        }
        const info = await call<SessionCalibrationInfo>('calibration.import', {
          sessionId,
          fileName,
          content,
          views: parseViews(values.view),
        });
        if (values.json) ctx.io.out(JSON.stringify(info, null, 2));
        else summaryLines(info).forEach((l) => ctx.io.out(l));
        return 0;
      }
      const info = await call<SessionCalibrationInfo | null>('calibration.get', { sessionId });
      if (sub === 'show') {
        if (values.json) ctx.io.out(JSON.stringify(info, null, 2));
        else if (!info)
          ctx.io.out(
            `Session ${sessionId} has no camera calibration: distances come from the patient's height or floor marks. Import one with gaitlab calibration import ${sessionId} FILE.toml --view CAMERA=VIEW.`,
          );
        else summaryLines(info).forEach((l) => ctx.io.out(l));
        return 0;
      }
      await call<null>('calibration.remove', { sessionId });
      ctx.io.out(
        info
          ? `Removed the camera calibration of session ${sessionId} (${info.fileName}).`
          : `Session ${sessionId} had no camera calibration.`,
      );
      return 0;
    } finally {
      services.close();
    }
  },
};
