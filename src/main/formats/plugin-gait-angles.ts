// The joint angles a Plug-in Gait model (Vicon) stored in a C3D, as GaitLab's variables in GaitLab's
// sign conventions, for holding GaitLab's own angles of the same markers against them. Only the
// angles both define alike are taken: Plug-in Gait's knee "varus" is a joint rotation, GaitLab's an
// apparent frontal angle, so they are not paired.
import type { ReferenceAngle } from '../gait/angle-agreement';
import type { AngleVariable } from '../gait/angles-types';
import { labelWithoutSubject, type C3DFile } from './c3d-reader';

/** Plug-in Gait output, its component (x flexion/tilt, y ab-adduction/obliquity) and sign in GaitLab's convention. */
const PAIRS: ReadonlyArray<{ variable: AngleVariable; output: string; component: 'x' | 'y'; sign: 1 | -1 }> =
  [
    { variable: 'hip_flexion', output: 'HipAngles', component: 'x', sign: 1 },
    { variable: 'knee_flexion', output: 'KneeAngles', component: 'x', sign: 1 },
    { variable: 'ankle_dorsiflexion', output: 'AnkleAngles', component: 'x', sign: 1 },
    { variable: 'pelvis_tilt', output: 'PelvisAngles', component: 'x', sign: 1 },
    { variable: 'pelvic_obliquity', output: 'PelvisAngles', component: 'y', sign: 1 },
    // Plug-in Gait gives hip adduction positive; GaitLab abduction.
    { variable: 'hip_abduction', output: 'HipAngles', component: 'y', sign: -1 },
  ];

/**
 * The file's Plug-in Gait angles (POINT:ANGLES outputs named LHipAngles, RKneeAngles... with an
 * optional subject prefix or model suffix, e.g. "LKneeAnglesV"), none when it stores none.
 */
export function pluginGaitAngles(file: C3DFile): ReferenceAngle[] {
  const outputs = new Set(file.angleLabels.map((l) => l.toUpperCase()));
  return (['left', 'right'] as const).flatMap((side) =>
    PAIRS.flatMap(({ variable, output, component, sign }) => {
      const name = `${side === 'left' ? 'L' : 'R'}${output}`;
      const point = file.points.find((p) => {
        const label = labelWithoutSubject(p.label);
        return outputs.has(label.toUpperCase()) && new RegExp(`^${name}[A-Za-z]*$`).test(label);
      });
      if (!point) return [];
      const values = point[component];
      return [{ variable, side, source: point.label, valuesDeg: Float64Array.from(values, (v) => sign * v) }];
    }),
  );
}
