// Events pushed from the services to every connected UI (IPC send or bridge Server-Sent Events).
export interface JobProgressEvent {
  type: 'job.progress';
  jobId: string;
  /** What runs, for the UI label, e.g. "Pose estimation". */
  label: string;
  done: number;
  total: number;
  /** Units done per second (frames/s for pose). */
  ratePerS: number | null;
  etaS: number | null;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  message?: string;
}

export interface DataChangedEvent {
  type: 'data.changed';
  entity: 'patient' | 'session' | 'trial';
  id: string;
}

export type LabEvent = JobProgressEvent | DataChangedEvent;
