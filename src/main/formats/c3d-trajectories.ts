// Bridges a parsed C3D file to the gait analysis input: markers become named trajectories (lab
// frame, Z up), and the EVENT group becomes gait events on the same frame index.

import { eventFromLabels, eventsFromTimes } from '../gait/gait-events';
import type { GaitEvent, TrajectorySet } from '../gait/types';
import { labelWithoutSubject, type C3DFile } from './c3d-reader';
import { inGaitUnits, markerUnitOf } from './marker-units';

/**
 * All points except model outputs (angles, forces, moments, powers), with a 'Subject:' prefix
 * stripped from labels: markers, and a model's joint centres, which are positions too. Centimetres
 * become millimetres; a unit GaitLab does not know is taken as millimetres, the C3D default (the
 * marker-file check refuses it before this).
 */
export function c3dToTrajectorySet(file: C3DFile): TrajectorySet {
  const outputs = new Set(file.modelOutputLabels.map((l) => l.toUpperCase()));
  const trajectories: TrajectorySet['trajectories'] = {};
  for (const p of file.points) {
    const label = labelWithoutSubject(p.label);
    if (outputs.has(label.toUpperCase()) || label in trajectories) continue;
    trajectories[label] = { x: p.x, y: p.y, z: p.z };
  }
  return {
    rateHz: file.pointRateHz,
    frameCount: file.frameCount,
    convention: 'lab-z-up',
    ...inGaitUnits(markerUnitOf(file.pointUnits) ?? 'mm', trajectories),
    startTimeS: (file.firstFrame - 1) / file.pointRateHz,
  };
}

/** Foot strike / foot off events of the EVENT group, as frame indices into the point data. */
export function c3dGaitEvents(file: C3DFile): GaitEvent[] {
  const list = file.events
    .map((e) => ({ m: eventFromLabels(e.context, e.label), timeS: e.timeS }))
    .filter((e): e is { m: NonNullable<typeof e.m>; timeS: number } => e.m !== undefined)
    .map((e) => ({ side: e.m.side, kind: e.m.kind, timeS: e.timeS }));
  return eventsFromTimes(list, file.pointRateHz, (file.firstFrame - 1) / file.pointRateHz, 'imported');
}
