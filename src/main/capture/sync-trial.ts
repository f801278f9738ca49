// Synchronising the videos of a trial after the fact: by a clap both microphones heard, by a
// flash both cameras saw, or by offsets the user typed. The result replaces the trial's report.
import type { CaptureReport } from '../../shared/api/ops/capture';
import { ApiError } from '../../shared/api/envelope';
import { audioLeadS, readAudioPcm } from '../media/audio-pcm';
import { frameBrightness } from '../media/frame-brightness';
import { MediaError } from '../media/media-error';
import { probeVideo, type VideoInfo } from '../media/probe';
import type { LabContext } from '../services/lab-context';
import { resolveInsideLab } from '../store/lab-folder';
import { readReport, saveReport } from './capture-store';
import { buildCaptureReport } from './sync/capture-report';
import { clapStartOffsetMs } from './sync/clap-offset';
import { detectFlash } from './sync/flash-detect';

const CLAP_SAMPLE_RATE_HZ = 16_000;
/** Below this, the best clap alignment hardly beats the next best: say the clap was not found. */
const MIN_CLAP_PEAK_RATIO = 1.5;
const MIN_FLASH_CONTRAST = 4;

export async function syncTrial(
  ctx: LabContext,
  input: {
    trialId: string;
    method: 'clap' | 'flash' | 'manual';
    referenceCamera?: string | undefined;
    offsetsMs: Record<string, number>;
  },
  signal?: AbortSignal,
): Promise<CaptureReport> {
  const trial = ctx.trials.get(input.trialId);
  if (!trial) throw new ApiError({ code: 'not-found', message: 'The trial was not found.' });
  const videos = trial.files.filter((f) => f.kind === 'video');
  if (videos.length === 0)
    throw new ApiError({ code: 'conflict', message: `Trial "${trial.name}" has no video to synchronise.` });
  const ref = input.referenceCamera ?? videos[0]!.camera;
  if (!videos.some((v) => v.camera === ref)) {
    throw new ApiError({
      code: 'invalid-input',
      message: `Trial "${trial.name}" has no ${ref} video to use as reference.`,
    });
  }
  const probes = new Map<string, VideoInfo>();
  for (const v of videos)
    probes.set(v.camera, await probeVideo(resolveInsideLab(ctx.layout.root, v.relativePath), signal));
  const pathOf = (camera: string) => probes.get(camera)!.path;

  const offsets: Record<string, number> = { [ref]: 0 };
  const warnings: string[] = [];
  // One camera has nothing to be synchronised with: its sound or flash is not needed (a silent
  // phone clip imported on its own was refused "no sound track" when the clap was chosen).
  const method = videos.length === 1 ? 'none' : input.method;
  try {
    if (method === 'manual') {
      for (const v of videos) if (v.camera !== ref) offsets[v.camera] = input.offsetsMs[v.camera] ?? 0;
    } else if (method === 'clap') {
      const refPcm = await readAudioPcm(pathOf(ref), CLAP_SAMPLE_RATE_HZ, `The ${ref} video`, signal);
      const refLeadS = await audioLeadS(pathOf(ref), signal);
      for (const v of videos) {
        if (v.camera === ref) continue;
        const pcm = await readAudioPcm(
          pathOf(v.camera),
          CLAP_SAMPLE_RATE_HZ,
          `The ${v.camera} video`,
          signal,
        );
        const lead = await audioLeadS(pathOf(v.camera), signal);
        const clap = clapStartOffsetMs(refPcm, pcm, CLAP_SAMPLE_RATE_HZ);
        // Audio times are shifted onto each video's own timeline.
        offsets[v.camera] = clap.startOffsetMs + (refLeadS - lead) * 1000;
        if (clap.peakRatio < MIN_CLAP_PEAK_RATIO) {
          warnings.push(
            `No clear clap was heard in both ${ref} and ${v.camera}: check the offset or use a flash or manual offset.`,
          );
        }
      }
    } else if (method === 'flash') {
      const refInfo = probes.get(ref)!;
      const refFlash = detectFlash(
        await frameBrightness(pathOf(ref), signal, refInfo.interlaced),
        refInfo.frameTimesS,
      );
      if (!refFlash)
        throw new ApiError({ code: 'failed', message: `No flash was found in the ${ref} video.` });
      for (const v of videos) {
        if (v.camera === ref) continue;
        const info = probes.get(v.camera)!;
        const flash = detectFlash(
          await frameBrightness(pathOf(v.camera), signal, info.interlaced),
          info.frameTimesS,
        );
        if (!flash)
          throw new ApiError({ code: 'failed', message: `No flash was found in the ${v.camera} video.` });
        offsets[v.camera] = (refFlash.timeS - flash.timeS) * 1000;
        if (Math.min(flash.contrast, refFlash.contrast) < MIN_FLASH_CONTRAST) {
          warnings.push(`The flash is faint in ${ref} or ${v.camera}: check the offset.`);
        }
      }
    }
  } catch (err) {
    if (err instanceof MediaError && err.kind !== 'cancelled')
      throw new ApiError({ code: 'failed', message: err.message });
    throw err;
  }

  const previous = readReport(ctx.db, trial.id);
  const report = buildCaptureReport({
    trialId: trial.id,
    method,
    referenceCamera: ref,
    cameras: videos.map((v) => {
      const p = probes.get(v.camera)!;
      return {
        camera: v.camera,
        relativePath: v.relativePath,
        frameTimesS: p.frameTimesS,
        fps: p.fps,
        widthPx: p.widthPx,
        heightPx: p.heightPx,
      };
    }),
    startOffsetsMs: offsets,
    recovered: previous?.recovered ?? false,
    warnings,
  });
  saveReport(ctx.db, report);
  ctx.events.emit({ type: 'data.changed', entity: 'trial', id: trial.id });
  return report;
}
