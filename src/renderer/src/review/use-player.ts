// The review page's one clock: the <video>. Everything else (skeleton, cursors, timeline) reads the
// frame index from here, so what is drawn is always the frame that is on screen.
import { useCallback, useEffect, useRef, useState } from 'react';

export const PLAYBACK_RATES = [0.1, 0.25, 0.5, 1] as const;

export interface Player {
  /** Callback ref for the <video>: the clock starts when the element exists, whenever that is. */
  videoRef: (el: HTMLVideoElement | null) => void;
  frame: number;
  playing: boolean;
  rate: number;
  ready: boolean;
  seekFrame: (frame: number) => void;
  step: (delta: number) => void;
  toggle: () => void;
  setRate: (rate: number) => void;
}

type FrameCallbackVideo = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: (now: number, meta: { mediaTime: number }) => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

export function usePlayer(
  fps: number,
  frameCount: number,
  startTimeS: number,
  videoUrl: string | null,
): Player {
  const [videoEl, setVideoEl] = useState<HTMLVideoElement | null>(null);
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const attach = useCallback((el: HTMLVideoElement | null) => {
    videoRef.current = el;
    setVideoEl(el);
  }, []);
  const [frame, setFrame] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [rate, setRateState] = useState(1);
  const rateRef = useRef(1);
  const [ready, setReady] = useState(false);
  const last = Math.max(0, frameCount - 1);

  const clamp = useCallback((f: number) => Math.min(last, Math.max(0, Math.round(f))), [last]);
  // Presentation time -> frame; the small epsilon absorbs float error from seeking to exact times.
  const toFrame = useCallback(
    (t: number) => clamp(Math.floor((t - startTimeS) * fps + 1e-3)),
    [clamp, fps, startTimeS],
  );

  useEffect(() => {
    const video = videoEl as FrameCallbackVideo | null;
    if (!video || !videoUrl) return;
    video.playbackRate = rateRef.current;
    let handle = 0;
    let raf = 0;
    let live = true;
    const onFrame = (_now: number, meta: { mediaTime: number }) => {
      if (!live) return;
      // mediaTime is the exact timestamp of the painted frame: round, do not floor.
      setFrame(clamp((meta.mediaTime - startTimeS) * fps));
      handle = video.requestVideoFrameCallback!(onFrame);
    };
    const onTick = () => {
      if (!live) return;
      setFrame(toFrame(video.currentTime));
      raf = requestAnimationFrame(onTick);
    };
    if (video.requestVideoFrameCallback) handle = video.requestVideoFrameCallback(onFrame);
    else raf = requestAnimationFrame(onTick);
    const onSeeked = () => setFrame(toFrame(video.currentTime));
    const onPlay = () => setPlaying(true);
    const onPause = () => setPlaying(false);
    const onReady = () => setReady(true);
    video.addEventListener('seeked', onSeeked);
    video.addEventListener('play', onPlay);
    video.addEventListener('pause', onPause);
    video.addEventListener('ended', onPause);
    video.addEventListener('loadeddata', onReady);
    if (video.readyState >= 2) setReady(true);
    return () => {
      live = false;
      if (handle && video.cancelVideoFrameCallback) video.cancelVideoFrameCallback(handle);
      cancelAnimationFrame(raf);
      video.removeEventListener('seeked', onSeeked);
      video.removeEventListener('play', onPlay);
      video.removeEventListener('pause', onPause);
      video.removeEventListener('ended', onPause);
      video.removeEventListener('loadeddata', onReady);
    };
  }, [videoEl, videoUrl, fps, startTimeS, clamp, toFrame]);

  const seekFrame = useCallback(
    (f: number) => {
      const video = videoRef.current;
      const target = clamp(f);
      setFrame(target);
      // Aim at the middle of the frame so rounding never lands on the previous one.
      if (video) video.currentTime = startTimeS + (target + 0.5) / fps;
    },
    [clamp, fps, startTimeS],
  );

  const step = useCallback(
    (delta: number) => {
      const video = videoRef.current;
      if (video && !video.paused) video.pause();
      const current = video ? toFrame(video.currentTime) : frame;
      seekFrame(current + delta);
    },
    [frame, seekFrame, toFrame],
  );

  const toggle = useCallback(() => {
    const video = videoRef.current;
    if (!video) return;
    if (video.paused) {
      if (video.ended || toFrame(video.currentTime) >= last) video.currentTime = startTimeS;
      void video.play().catch(() => undefined);
    } else video.pause();
  }, [last, startTimeS, toFrame]);

  const setRate = useCallback((r: number) => {
    setRateState(r);
    rateRef.current = r;
    if (videoRef.current) videoRef.current.playbackRate = r;
  }, []);

  return { videoRef: attach, frame, playing, rate, ready, seekFrame, step, toggle, setRate };
}
