// `gaitlab pose`: 33-landmark tracks of one video, as CSV or JSON, optionally with an overlay video
// or overlay images of chosen frames.
import { basename, dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UserError, type CliCommand } from '../command';
import { parsePersonBox } from '../person-option';
import { numberOption } from '../number-option';
import { outputFile, writeOutputFile } from '../output-file';
import { parseFrameChoice, refuseFramesBeyond } from '../frames-option';
import { probeVideo } from '../../media/probe';
import { framePath, isFramePattern } from '../../media/frame-pattern';
import { MediaError } from '../../media/media-error';
import { hdrDescription } from '../../media/tone-map';
import { otherWalkersNotes } from '../../pose/other-walkers';
import { peopleInViewLines } from '../../pose/people-in-view';
import { renderOverlay } from '../../pose/overlay/render-overlay';
import { runPose } from '../../pose/run-pose';
import { poseProgressLine } from '../progress-bar';
import { parseTurnDeg } from '../turn-option';
import { ensureFixedCopy } from '../../media/fixed-copy';
import { pictureFixSuffix, type PictureFix } from '../../../shared/picture-fix';
import { correctingProgress } from '../../services/video-analysis';
import { trackToCsv, trackToJson } from '../../pose/track-files';
import { doubtedConfidenceText, doubtedPoseFrames, SURE_AROUND_TEXT } from '../../gait/doubted-pose';
import { frameRunsText } from '../../../shared/analysis-notes';
import type { PersonSelection } from '../../pose/decode/subject';

const usage = `gaitlab pose <video> --out <file.csv|file.json> [options]

Finds the subject's 33 BlazePose landmarks in every frame of <video>.

Options:
  --out <file>          .csv (one row per frame: frame, time_s, <name>_x, <name>_y, <name>_visibility)
                        or .json (the same plus each landmark's presence, each frame's pose
                        confidence, the 3D world landmarks in metres, settings and provenance)
  --overlay <file.mp4|frame-%04d.png>  also write the video with the skeleton drawn on it, or one
                        PNG image per frame, %04d replaced by the frame number (the CSV's frame)
  --overlay-frames <low|list>  only these frames' PNG images: low (the frames flagged, to review:
                        below --min-confidence, doubted in mid-walk, or patched by the decoder
                        of a damaged file) or numbers and ranges like 40,80-90
  --work-dir <dir>      job folder (default: <out>.pose); re-running resumes an interrupted job
  --person <n>          follow person n of the "People in view" list (1 = seen longest), which
                        the output prints with two or more people in view, instead of the one who walks
  --person-box <x0,y0,x1,y1>[@frame]  follow the person inside this box (pixels) at that frame;
                        the list gives each person's box, which other commands take too
  --turn <90|180|270>   turn the picture clockwise first, for a camera mounted upside down or on its
                        side (the analysis says when): landmarks, boxes and the overlay are then in
                        the upright copy's pixels (kept beside the job folder)
  --mirror              mirror the picture back left to right first (before --turn), for a front
                        camera's mirror image, in which the model names each leg as the other
  --model <full|lite>   landmark model (default full)
  --workers <n>         inference threads (default: one per core, at most 6; or GAITLAB_POSE_WORKERS)
  --min-confidence <c>  flag frames below this pose confidence (default 0.5)`;

function parsePerson(number: string | undefined, box: string | undefined): PersonSelection {
  if (number !== undefined && box !== undefined)
    throw new UserError('Give --person or --person-box, not both.');
  if (number !== undefined) {
    const n = Number(number);
    if (!Number.isInteger(n) || n < 1)
      throw new UserError(`--person must be a person's number in the list, 1 or more, got "${number}"`);
    return { kind: 'index', index: n - 1 };
  }
  if (box !== undefined) return { kind: 'box', ...parsePersonBox(box) };
  return { kind: 'moving' };
}

export const poseCommand: CliCommand = {
  name: 'pose',
  summary: 'Track the 33 body landmarks of the subject in a video (CSV/JSON, overlay video or images)',
  usage,
  async run(argv, ctx) {
    // The option counted from 0 while the list counts from 1: an old script is told, not misread.
    if (argv.some((a) => a === '--person-index' || a.startsWith('--person-index=')))
      throw new UserError(
        '--person-index is now --person, counted from 1 as in the "People in view" list (--person-index 0 is --person 1).',
      );
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        overlay: { type: 'string' },
        'overlay-frames': { type: 'string' },
        'work-dir': { type: 'string' },
        person: { type: 'string' },
        turn: { type: 'string' },
        mirror: { type: 'boolean' },
        'person-box': { type: 'string' },
        model: { type: 'string' },
        workers: { type: 'string' },
        'min-confidence': { type: 'string' },
      },
    });
    const video = positionals[0];
    if (!video || positionals.length > 1) throw new UserError(`expected one video file\n\n${usage}`);
    if (!values.out) throw new UserError(`--out <file.csv|file.json> is required\n\n${usage}`);
    // Checked before any work, as analyze and report check theirs.
    const out = outputFile('out', values.out);
    const overlay = values.overlay !== undefined ? outputFile('overlay', values.overlay) : undefined;
    const images = overlay?.toLowerCase().endsWith('.png') === true;
    if (images && !isFramePattern(overlay))
      throw new UserError(
        `--overlay: PNG images are one per frame, so the file name needs the frame number's place, like frame-%04d.png (no other % in the path); got ${values.overlay}.`,
      );
    const overlayFrames =
      values['overlay-frames'] !== undefined ? parseFrameChoice(values['overlay-frames']) : undefined;
    if (overlayFrames && !images)
      throw new UserError(
        '--overlay-frames chooses which PNG images to write: give --overlay a PNG name like frames/frame-%04d.png too (an mp4 overlay has every frame).',
      );
    const format = extname(out).toLowerCase();
    if (format !== '.csv' && format !== '.json') throw new UserError('--out must end in .csv or .json');
    const model = values.model ?? 'full';
    if (model !== 'full' && model !== 'lite') throw new UserError('--model must be full or lite');
    const workers = values.workers ? Number(values.workers) : undefined;
    if (workers !== undefined && !(Number.isInteger(workers) && workers > 0))
      throw new UserError('--workers must be a whole number > 0');
    const confidence = 'a pose confidence between 0 and 1, e.g. 0.5';
    const minConfidence =
      values['min-confidence'] !== undefined
        ? numberOption('min-confidence', values['min-confidence'], confidence)
        : undefined;
    if (minConfidence !== undefined && !(minConfidence >= 0 && minConfidence <= 1))
      throw new UserError(`--min-confidence: give ${confidence}; ${minConfidence} is not one.`);

    const fix: PictureFix = {
      turnDeg: values.turn !== undefined ? parseTurnDeg(values.turn) : 0,
      mirrored: values.mirror === true,
    };

    try {
      // Frames chosen past the end are refused now, not after a pose that may take minutes (a
      // turned or mirrored copy has the same frames).
      if (overlayFrames?.kind === 'frames')
        refuseFramesBeyond(
          overlayFrames.frames,
          (await probeVideo(resolve(video), ctx.io.signal)).frameCount,
        );
      const outDir = resolve(values['work-dir'] ?? `${out}.pose`);
      const videoPath = pictureFixSuffix(fix)
        ? await ensureFixedCopy(
            resolve(video),
            `${outDir}.${pictureFixSuffix(fix)}.mp4`,
            fix,
            correctingProgress({
              signal: ctx.io.signal,
              onProgress: (p) => ctx.io.progress(poseProgressLine(p)),
            }),
          )
        : resolve(video);
      const result = await runPose({
        videoPath,
        outDir,
        signal: ctx.io.signal,
        person: parsePerson(values.person, values['person-box']),
        model,
        workers,
        minConfidence,
        onProgress: (p) => ctx.io.progress(poseProgressLine(p)),
      });
      writeOutputFile(
        out,
        format === '.csv' ? trackToCsv(result.track) : trackToJson(result.track, result.manifest),
      );
      const m = result.manifest;
      ctx.io.out(
        `${m.frames} frames, ${m.frames - m.lowConfidenceFrames.length} with a confident pose, backend ${m.provenance.backend}`,
      );
      if (m.lowConfidenceFrames.length)
        ctx.io.out(
          `${m.lowConfidenceFrames.length} frames below confidence ${m.settings.minConfidence} (flagged)`,
        );
      // Frames the gait analysis sets aside, the model unsure of the person mid-walk: flagged here
      // too, so that the frames to review are the ones review shades.
      const track = result.track;
      const doubted = doubtedPoseFrames(track.confidence, track.fps, track.damagedPicture?.perFrame);
      if (doubted.length)
        ctx.io.out(
          `${doubted.length} frame${doubted.length === 1 ? '' : 's'} in mid-walk where the pose model doubted a person was in view (frames ${frameRunsText(doubted)}, ${doubtedConfidenceText(doubted, track.confidence)}, where it is ${SURE_AROUND_TEXT}): flagged; the gait analysis does not use their landmarks`,
        );
      const damaged = m.damagedFrames?.frames ?? [];
      if (m.damagedFrames && damaged.length)
        ctx.io.out(
          `${damaged.length} frame${damaged.length === 1 ? '' : 's'} where the video file is damaged and its decoder patched the picture or gave none (frame${damaged.length === 1 ? '' : 's'} ${frameRunsText(damaged)}; ffmpeg: "${m.damagedFrames.message}"): flagged; the gait analysis does not use their landmarks`,
        );
      // Both sets are drawn among the frames to review, with the flagged frames' border.
      const setAside = [...new Set([...doubted, ...damaged])].sort((a, b) => a - b);
      if (m.settings.hdr) ctx.io.out(`Video: ${m.video.codec}, ${hdrDescription(m.settings.hdr)}.`);
      for (const line of peopleInViewLines(result.outDir, { byNumber: true })) ctx.io.out(line);
      for (const note of otherWalkersNotes(result)) ctx.io.out(`Note: ${note}`);
      ctx.io.out(`wrote ${out}`);
      if (overlay) {
        const frames = !overlayFrames
          ? undefined
          : overlayFrames.kind === 'low'
            ? [...new Set([...m.lowConfidenceFrames, ...setAside])].sort((a, b) => a - b)
            : overlayFrames.frames;
        // Again on the frames posed: a damaged end can hold fewer than the probe counted.
        if (frames) refuseFramesBeyond(frames, m.frames);
        if (frames?.length === 0) {
          ctx.io.out(
            `No frame below confidence ${m.settings.minConfidence}, doubted in mid-walk or damaged: no overlay image written.`,
          );
          return 0;
        }
        ctx.io.progress(`drawing overlay into ${dirname(overlay)} ...`);
        await renderOverlay({
          videoPath,
          track: result.track,
          outPath: overlay,
          ...(frames ? { frames } : {}),
          alsoFlagged: setAside,
          signal: ctx.io.signal,
        });
        if (images) {
          const count = frames?.length ?? m.frames;
          const first = basename(framePath(overlay, frames?.[0] ?? 0));
          const last = basename(framePath(overlay, frames?.[count - 1] ?? m.frames - 1));
          ctx.io.out(
            `wrote ${count} overlay image${count === 1 ? '' : 's'} in ${dirname(overlay)}: ${count === 1 ? first : `${first} to ${last}`}`,
          );
        } else ctx.io.out(`wrote ${overlay}`);
      }
      return 0;
    } catch (err) {
      if (err instanceof MediaError && err.kind === 'cancelled') {
        ctx.io.err('cancelled: run the same command again to resume');
        return 130;
      }
      // Other video and model problems are printed as one line by the CLI's entry (main.ts).
      throw err;
    }
  },
};
