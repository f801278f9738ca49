// Exposes one function per API operation and an event subscription; never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import { OPERATION_NAMES } from '../shared/api/contract';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, IPC_REPORT_PDF_CHANNEL } from '../shared/api/ipc-channels';
import type { LabEvent } from '../shared/api/events';
import type { GaitLabBridge } from '../shared/api/bridge-types';

const invoke: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const name of OPERATION_NAMES) {
  invoke[name] = (input: unknown) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, name, input);
}

const bridge: GaitLabBridge = {
  invoke: invoke as GaitLabBridge['invoke'],
  onEvent: (listener: (event: LabEvent) => void) => {
    const wrapped = (_e: unknown, event: LabEvent) => listener(event);
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped);
    };
  },
  printReportPdf: (paper) => ipcRenderer.invoke(IPC_REPORT_PDF_CHANNEL, paper === 'letter' ? 'letter' : 'a4'),
};

contextBridge.exposeInMainWorld('gaitlab', bridge);
