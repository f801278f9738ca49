// Electron transport: one invoke channel carrying (operation, input) and one event channel. The
// operation name and input are validated by dispatch(); the sender must be our own window.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/api/ipc-channels';
import type { LabServices } from '../services/lab-services';
import { dispatch } from '../services/dispatch';

export function registerIpc(services: LabServices, getWindow: () => BrowserWindow | null): () => void {
  ipcMain.handle(
    IPC_INVOKE_CHANNEL,
    async (event: IpcMainInvokeEvent, operation: unknown, input: unknown) => {
      const win = getWindow();
      if (!win || event.sender !== win.webContents) {
        return { ok: false, error: { code: 'unauthorized', message: 'Request from an unknown window.' } };
      }
      return dispatch(services.handlers, operation, input);
    },
  );
  const unsubscribe = services.events.subscribe((e) => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, e);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
  };
}
