// The Sports2D walk as a camera panning with the walker films it: a window that travels with her
// hip centre (which crosses the picture at about 287 px/s, from x = 1537 at 1.33 s: measured on
// the walk's pose track), so she walks in place in the picture, as on a treadmill. From 1.5 s to
// 5.7 s the window stays inside the picture and keeps her hips at its centre.
//
// With `share` < 1 the window lags behind her (a camera panned by hand, too slowly): it moves at
// that share of her speed and is centred on her at 3.6 s, so she crosses it from right to left.

/** ffmpeg output options (filter and time range) that cut the following window from the walk. */
export function followingCameraOptions(options: { share?: number; widthPx?: number } = {}): string[] {
  const share = options.share ?? 1;
  const width = options.widthPx ?? 560;
  const lag = share < 1 ? `+${(1 - share) * 287}*(t-3.6)` : '';
  const x = `clip(1537-287*(t-1.333)${lag}-${width / 2},0,1768-${width})`;
  return ['-vf', `crop=${width}:994:x='${x}':y=0`, '-ss', '1.5', '-t', '4.2'];
}
