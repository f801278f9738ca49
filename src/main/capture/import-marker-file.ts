// Importing a motion-capture system's marker file (C3D, TRC) as a trial of its own: the file is
// analysed before anything is written, so one that cannot be (no walking, unknown marker names, cut
// short) is refused with the reason and leaves no file and no row; an accepted one is copied into
// a new trial folder and its analysis stored, trial, file and analysis committed together.
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { MARKER_CAPTURE_CAMERA } from '../../shared/api/analysis-types';
import type { ImportedVideo } from '../../shared/api/ops/capture';
import { transaction } from '../store/database';
import { AnalysisRepo } from '../store/analysis-repo';
import { trialDirRelative } from '../store/lab-folder';
import { storeAnalysisView } from '../services/analysis-store';
import { MarkerFileError, type MarkerFileAnalysis } from '../services/marker-file-analysis';
import { analyseMarkerSource, markerTrialView, type MarkerTrialSettings } from '../services/marker-trial';
import { isMarkerTrial } from '../../shared/api/entities';
import type { LabContext } from '../services/lab-context';
import { refuse, type ImportTarget } from './import-video';
import { placeInTrial } from './place-in-trial';

export async function importMarkerFile(
  ctx: LabContext,
  source: { path: string; displayName: string; move: boolean },
  target: ImportTarget,
): Promise<ImportedVideo> {
  const session = ctx.sessions.get(target.sessionId) ?? refuse('The session was not found.', 'not-found');
  if (session.archivedAt) refuse('This session is archived. Restore it before adding trials.', 'conflict');
  if (target.trialId)
    refuse(
      `"${source.displayName}" is a motion-capture file: it becomes a trial of its own (markers, no video), so it cannot be added to a trial of videos. Import it as a new trial.`,
    );
  if (!existsSync(source.path))
    refuse(`"${source.displayName}" does not exist or cannot be read.`, 'not-found');

  const settings: MarkerTrialSettings = {
    fileName: source.displayName,
    events: null,
    beltSpeedMps: null,
    cutoffHz: null,
  };
  let analysed: MarkerFileAnalysis;
  try {
    analysed = analyseMarkerSource(source.path, settings);
  } catch (err) {
    if (err instanceof MarkerFileError) refuse(`${err.message} Nothing was imported.`);
    throw err;
  }

  // The same file imported twice would count its strides twice in the session's report.
  const sha = analysed.provenance.fileSha256;
  const analyses = new AnalysisRepo(ctx.db);
  for (const t of ctx.trials.listForSession(session.id, true)) {
    if (!isMarkerTrial(t)) continue;
    const kept = analyses.get(t.id, MARKER_CAPTURE_CAMERA)?.settings.fileSha256;
    if (kept === sha)
      refuse(
        `"${source.displayName}" is already in this session as trial "${t.name}"${t.archivedAt ? ' (archived: restore it to use it again)' : ''}: the same file, byte for byte. Nothing was imported.`,
        'conflict',
      );
  }

  const trialId = randomUUID();
  const relDir = trialDirRelative(session.patientId, session.id, trialId);
  const trialDir = join(ctx.layout.root, relDir);
  const fileName = `${MARKER_CAPTURE_CAMERA}${extname(source.displayName).toLowerCase()}`;
  const relativePath = `${relDir}/${fileName}`;
  const name = target.trialName ?? source.displayName.replace(/\.[^.]+$/, '');
  const commit = () => {
    const now = new Date().toISOString();
    transaction(ctx.db, () => {
      ctx.db
        .prepare(
          'INSERT INTO trial (id, session_id, name, status, cameras_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(trialId, session.id, name, 'analysed', JSON.stringify([MARKER_CAPTURE_CAMERA]), now, now);
      ctx.db
        .prepare('INSERT INTO trial_file (trial_id, camera, relative_path, kind) VALUES (?, ?, ?, ?)')
        .run(trialId, MARKER_CAPTURE_CAMERA, relativePath, 'markers');
      const view = markerTrialView(ctx.trials.get(trialId)!, analysed);
      storeAnalysisView({ layout: ctx.layout, analyses }, relDir, view, { ...settings, fileSha256: sha });
    });
  };
  await placeInTrial(source, trialDir, fileName, commit, [`analysis-${MARKER_CAPTURE_CAMERA}.json`]);
  ctx.events.emit({ type: 'data.changed', entity: 'trial', id: trialId });
  const cycles = (side: 'left' | 'right') =>
    analysed.analysis.cycles.filter((c) => c.side === side && !c.excluded).length;
  return {
    trial: ctx.trials.get(trialId)!,
    camera: MARKER_CAPTURE_CAMERA,
    relativePath,
    durationS: analysed.frameCount / analysed.rateHz,
    fps: analysed.rateHz,
    frameCount: analysed.frameCount,
    hasAudio: false,
    markers: {
      format: analysed.format,
      markerCount: analysed.markerCount,
      eventsFrom: analysed.eventsFrom === 'file' ? 'file' : 'detected',
      cycles: { left: cycles('left'), right: cycles('right') },
    },
  };
}
