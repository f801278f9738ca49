// A C3D capture written again as a TRC, its markers moved by a given transform: variants of a real
// walk (another axis up, the walk on a treadmill) that no shared file holds. Written to a temporary
// folder, never into the repository.
import { writeFileSync } from 'node:fs';
import type { C3DFile } from '../../src/main/formats/c3d-reader';

type Xyz = [number, number, number];

/** Writes `keep` markers of `file` to `path` in mm, each position passed through `move` (frame index). */
export function writeTrcVariant(
  path: string,
  file: C3DFile,
  keep: readonly string[],
  move: (p: Xyz, frame: number) => Xyz,
): void {
  const points = keep.map((k) => file.points.find((p) => p.label === k)!);
  const n = file.frameCount;
  const name = path.split(/[\\/]/).pop()!;
  const lines = [
    `PathFileType\t4\t(X/Y/Z)\t${name}`,
    'DataRate\tCameraRate\tNumFrames\tNumMarkers\tUnits\tOrigDataRate\tOrigDataStartFrame\tOrigNumFrames',
    `${file.pointRateHz}\t${file.pointRateHz}\t${n}\t${keep.length}\tmm\t${file.pointRateHz}\t1\t${n}`,
    `Frame#\tTime\t${keep.map((k) => `${k}\t\t`).join('\t')}`,
    `\t\t${keep.map((_, i) => `X${i + 1}\tY${i + 1}\tZ${i + 1}`).join('\t')}`,
  ];
  const cell = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '');
  for (let i = 0; i < n; i++)
    lines.push(
      [
        i + 1,
        (i / file.pointRateHz).toFixed(5),
        ...points.flatMap((p) => move([p.x[i]!, p.y[i]!, p.z[i]!], i).map(cell)),
      ].join('\t'),
    );
  writeFileSync(path, lines.join('\n') + '\n');
}

/**
 * The walk as on a treadmill: every marker moved back by the pelvis's steady travel (a straight line
 * fitted to the pelvis markers' centre over the capture), so the subject walks in place at the
 * walk's own speed, with its sway and steps kept. Returns the move and that speed, m/s.
 */
export function onTreadmill(file: C3DFile): { move: (p: Xyz, frame: number) => Xyz; speedMps: number } {
  const pelvis = ['LASI', 'RASI', 'LPSI', 'RPSI'].map((k) => file.points.find((p) => p.label === k)!);
  const slope = (c: 'x' | 'y') => {
    let st = 0;
    let sv = 0;
    let stt = 0;
    let stv = 0;
    let m = 0;
    for (let i = 0; i < file.frameCount; i++) {
      const v = pelvis.reduce((a, p) => a + p[c][i]!, 0) / pelvis.length;
      if (!Number.isFinite(v)) continue;
      st += i;
      sv += v;
      stt += i * i;
      stv += i * v;
      m++;
    }
    return (m * stv - st * sv) / (m * stt - st * st);
  };
  const vx = slope('x');
  const vy = slope('y');
  return {
    move: ([x, y, z], i) => [x - vx * i, y - vy * i, z],
    speedMps: (Math.hypot(vx, vy) * file.pointRateHz) / 1000,
  };
}
