// What the review's "analyse again with..." panels share (choosing the patient, floor marks, a
// treadmill's belt speed, a marker-based trial's events, the filter's cutoff, a picture turned
// upright or mirrored back, the camera filed under another view): the
// frame the person scan kept (loaded when a panel opens), and a new analysis of the camera under
// review with one setting changed, with its failure and a busy flag.
import { useState } from 'react';
import type { FloorScaleChoice, PersonChoice, ScannedPeopleView } from '../../../shared/api/analysis-types';
import type { CameraView } from '../../../shared/api/ops/capture';
import type { PictureTurnDeg } from '../../../shared/picture-fix';
import { api } from '../api';

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function useReanalysis(
  trialId: string,
  camera: string | undefined,
  onStarted: (jobId: string) => void,
) {
  const [scan, setScan] = useState<ScannedPeopleView | null | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const at = camera ? { camera } : {};

  /** The person scan's frame and people; null before the trial is analysed. Loaded once. */
  async function loadScan(): Promise<void> {
    if (scan !== undefined) return;
    try {
      setScan(await api['analysis.people']({ trialId, ...at }));
    } catch (err) {
      setFailure(message(err));
    }
  }

  /** Analyses the camera again with `change`; true once the job has started. */
  async function start(
    change:
      | { person: PersonChoice | null }
      | { floor: FloorScaleChoice | null }
      | { beltSpeedMps: number | null }
      | { markerEvents: 'file' | 'detect' }
      | { cutoffHz: number | null }
      | { turnDeg: PictureTurnDeg }
      | { mirror: true }
      | { fileAs: CameraView },
  ): Promise<boolean> {
    setFailure(null);
    setBusy(true);
    try {
      const { jobId } = await api['analysis.start']({ trialId, ...at, ...change });
      setScan(undefined);
      onStarted(jobId);
      return true;
    } catch (err) {
      setFailure(message(err));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { scan, failure, busy, loadScan, start };
}
