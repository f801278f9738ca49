import type { OperationName } from './contract';
import type { Envelope } from './envelope';
import type { LabEvent } from './events';

/** What the preload exposes as window.gaitlab: envelopes per operation, and events. */
export interface GaitLabBridge {
  invoke: Record<OperationName, (input: unknown) => Promise<Envelope<unknown>>>;
  onEvent: (listener: (event: LabEvent) => void) => () => void;
  /** Desktop app only: prints the report shown in the window to a PDF the user saves. */
  printReportPdf?: (paper: 'a4' | 'letter') => Promise<{ savedPath: string | null }>;
}
