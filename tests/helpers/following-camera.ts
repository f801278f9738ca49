// The Sports2D walk as a camera panning with the walker films it: a window that travels with her
// hip centre (which crosses the picture at about 287 px/s, from x = 1537 at 1.33 s: measured on
// the walk's pose track), so she walks in place in the picture, as on a treadmill. From 1.5 s to
// 5.7 s the window stays inside the picture and keeps her hips at its centre.
const WINDOW_PX = 560;

/** ffmpeg output options (filter and time range) that cut the following window from the walk. */
export function followingCameraOptions(): string[] {
  const x = `clip(1537-287*(t-1.333)-${WINDOW_PX / 2},0,1768-${WINDOW_PX})`;
  return ['-vf', `crop=${WINDOW_PX}:994:x='${x}':y=0`, '-ss', '1.5', '-t', '4.2'];
}
