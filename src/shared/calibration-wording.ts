// How a calibration's cameras and use are put into words, the same in the session page and the CLI.

/** A camera's tilt: 'level', '22° down' or '3° up' (positive = looking down). */
export function tiltWords(tiltDownDeg: number): string {
  const d = Math.round(tiltDownDeg);
  return d === 0 ? 'level' : `${Math.abs(d)}° ${d > 0 ? 'down' : 'up'}`;
}

/** What the calibration is used for, given the trial views its cameras are assigned to (null: not used). */
export function calibrationUse(views: ReadonlyArray<string | null>, floorAtOrigin: boolean): string | null {
  const used = views.filter((v): v is string => v !== null);
  if (used.length >= 2)
    return `${used.length} calibrated trial cameras: trials of this session are analysed in 3D.`;
  if (used.length === 1 && floorAtOrigin && used[0]!.startsWith('sagittal-'))
    return 'One calibrated side camera with the origin on the floor: it measures distances on the floor.';
  return null;
}
