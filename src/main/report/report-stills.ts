// Video stills at initial contact, mid-stance and foot off, cropped around the patient so the
// limbs are large enough to read on paper. Frames are cut with ffmpeg into the trial folder once
// (reused by later reports); the landmarks to draw come from the stored pose track, moved into
// the still's pixels, so the page draws the skeleton exactly over the frame it was found on.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PoseTrackView, SideName, TrialAnalysisView } from '../../shared/api/analysis-types';
import type { ReportSessionKey, ReportStillView } from '../../shared/api/report-types';
import { LANDMARK_COUNT } from '../../shared/landmarks';
import { asFieldOrder, fieldsFilter } from '../media/deinterlace';
import { asHdrTransfer, withToneMap } from '../media/tone-map';
import { ffmpegPath, runTool } from '../media/run-tool';
import { oppositeEvents } from '../gait/spatiotemporal';
import { seekInFileS } from '../pose/pose-result';
import { resolveInsideLab } from '../store/lab-folder';

const STILL_HEIGHT_PX = 480;
/** Width : height of a still; portrait, since a walking person is taller than wide. */
const STILL_ASPECT = 0.75;
const MIN_VISIBILITY = 0.5;

export interface StillFrame {
  event: ReportStillView['event'];
  frame: number;
}

const EVENT_LABEL: Record<ReportStillView['event'], string> = {
  'initial-contact': 'Initial contact',
  'mid-stance': 'Mid-stance',
  'foot-off': 'Foot off',
};

function meanConfidence(track: PoseTrackView, frames: number[]): number {
  return frames.reduce((a, f) => a + (track.confidence[f] ?? 0), 0) / Math.max(1, frames.length);
}

/**
 * The three frames of one cycle of that side: its initial contact, mid-stance (halfway between
 * the opposite foot off and the opposite initial contact, else 30 % of the cycle) and its foot
 * off. Of the side's included cycles, the one the pose model saw best.
 */
export function stillFrames(view: TrialAnalysisView, track: PoseTrackView, side: SideName): StillFrame[] {
  const other: SideName = side === 'left' ? 'right' : 'left';
  const candidates = view.cycles
    .filter((c) => c.side === side && !c.excluded && c.footOffFrame !== null)
    .map((c) => {
      const { oppositeFootOff: oppFo, oppositeContact: oppIc } = oppositeEvents(
        view.events,
        other,
        c.startFrame,
        c.endFrame,
      );
      const mid =
        oppFo !== undefined && oppIc !== undefined
          ? (oppFo + oppIc) / 2
          : c.startFrame + 0.3 * (c.endFrame - c.startFrame);
      const frames = [c.startFrame, mid, c.footOffFrame ?? c.startFrame].map((f) =>
        Math.min(track.frameCount - 1, Math.max(0, Math.round(f))),
      );
      return { frames, score: meanConfidence(track, frames) };
    });
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0];
  if (!best) return [];
  const events: ReportStillView['event'][] = ['initial-contact', 'mid-stance', 'foot-off'];
  return best.frames.map((frame, i) => ({ event: events[i]!, frame }));
}

interface Crop {
  x: number;
  y: number;
  w: number;
  h: number;
}

function cropAround(track: PoseTrackView, frame: number): Crop | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let l = 0; l < LANDMARK_COUNT; l++) {
    const i = frame * LANDMARK_COUNT + l;
    const x = track.xPx[i];
    const y = track.yPx[i];
    if (x === null || x === undefined || y === null || y === undefined) continue;
    if ((track.visibility[i] ?? 0) < MIN_VISIBILITY) continue;
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  if (!Number.isFinite(x0)) return null;
  // Room for the head above the nose and the feet below the toes.
  let h = (y1 - y0) * 1.3;
  let w = h * STILL_ASPECT;
  if (w < (x1 - x0) * 1.2) {
    w = (x1 - x0) * 1.2;
    h = w / STILL_ASPECT;
  }
  w = Math.min(w, track.widthPx);
  h = Math.min(h, track.heightPx);
  const even = (v: number) => 2 * Math.floor(v / 2);
  const cw = even(w);
  const ch = even(h);
  const cx = Math.min(track.widthPx - cw, Math.max(0, (x0 + x1) / 2 - cw / 2));
  const cy = Math.min(track.heightPx - ch, Math.max(0, (y0 + y1) / 2 - ch / 2));
  return { x: Math.round(cx), y: Math.round(cy), w: cw, h: ch };
}

export interface StillsRequest {
  labRoot: string;
  sessionKey: ReportSessionKey;
  view: TrialAnalysisView;
  track: PoseTrackView;
  side: SideName;
  /** Folder (relative to the lab) where the JPEGs are kept: the trial folder. */
  trialDirRelative: string;
  signal?: AbortSignal;
}

export async function reportStills(req: StillsRequest): Promise<ReportStillView[]> {
  const { view, track } = req;
  const frames = stillFrames(view, track, req.side);
  const video = resolveInsideLab(req.labRoot, view.videoRelativePath);
  const t0 = track.timeS[0] ?? 0;
  const fields = asFieldOrder(view.provenance.interlaced);
  const hdr = asHdrTransfer(view.provenance.hdr);
  return Promise.all(
    frames.map(async ({ event, frame }) => {
      const crop = cropAround(track, frame) ?? { x: 0, y: 0, w: track.widthPx, h: track.heightPx };
      // An HDR video's stills are tone-mapped: named apart from those made before they were.
      const rel = `${req.trialDirRelative}/stills/${view.camera}${hdr ? '-sdr' : ''}-f${frame}-${crop.x}-${crop.y}-${crop.w}x${crop.h}.jpg`;
      const out = resolveInsideLab(req.labRoot, rel);
      if (!existsSync(out)) {
        mkdirSync(dirname(out), { recursive: true });
        // Seek a third of a frame before the frame's time in the file (its video may start late,
        // or play slower than it was filmed): the first frame at or after it is ours.
        // An interlaced video was analysed field by field: its frame holds this field and the
        // other, the first at the frame's time; the field is picked from the two it gives.
        const picture = fields ? frame - (frame % 2) : frame;
        const frameFps = fields ? track.fps / 2 : track.fps;
        const seekS = Math.max(
          0,
          seekInFileS(track, (track.timeS[picture] ?? picture / track.fps) - t0 - 0.33 / frameFps),
        );
        // Landmarks are in the picture as shown: an anamorphic video's stored pixels are scaled to it first.
        const cropAndScale = `scale=${track.widthPx}:${track.heightPx},crop=${crop.w}:${crop.h}:${crop.x}:${crop.y},scale=-2:${STILL_HEIGHT_PX}`;
        // Written aside and renamed: two reports printed at once never read half a JPEG.
        const partial = `${out}.${process.pid}.part.jpg`;
        try {
          await runTool(
            ffmpegPath(),
            [
              '-v',
              'error',
              '-ss',
              seekS.toFixed(4),
              '-i',
              video,
              '-map',
              '0:V:0',
              '-frames:v',
              '1',
              '-vf',
              withToneMap(
                hdr,
                fields
                  ? `${fieldsFilter(fields)},select='eq(n\\,${frame % 2})',${cropAndScale}`
                  : cropAndScale,
              )!,
              '-q:v',
              '3',
              '-y',
              partial,
            ],
            req.signal,
          );
          renameSync(partial, out);
        } finally {
          rmSync(partial, { force: true });
        }
      }
      const scale = STILL_HEIGHT_PX / crop.h;
      const widthPx = 2 * Math.round((crop.w * scale) / 2);
      const landmarks: ReportStillView['landmarks'] = [];
      for (let l = 0; l < LANDMARK_COUNT; l++) {
        const i = frame * LANDMARK_COUNT + l;
        const x = track.xPx[i];
        const y = track.yPx[i];
        const ok =
          x !== null &&
          x !== undefined &&
          y !== null &&
          y !== undefined &&
          (track.visibility[i] ?? 0) >= MIN_VISIBILITY;
        landmarks.push(ok ? { x: (x - crop.x) * scale, y: (y - crop.y) * scale } : null);
      }
      return {
        sessionKey: req.sessionKey,
        trialId: view.trialId,
        side: req.side,
        event,
        label: `${EVENT_LABEL[event]} (${req.side})`,
        frame,
        timeS: track.timeS[frame] ?? frame / track.fps,
        imageRelativePath: rel,
        widthPx,
        heightPx: STILL_HEIGHT_PX,
        landmarks,
      };
    }),
  );
}
