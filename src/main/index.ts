// Electron main process: opens the lab, wires IPC over the same services the bridge and CLI use.
import { app, BrowserWindow, dialog } from 'electron';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { openLab } from './services/lab-services';
import { resolveLabDir } from './store/lab-folder';
import { registerIpc } from './electron/ipc';
import { createMainWindow, defaultPaths } from './electron/window';
import { handleMediaProtocol, registerMediaScheme } from './electron/media-protocol';
import { registerReportPdf } from './electron/report-pdf';
import { poseWorkersSetting } from './pose/worker-budget';

const mainDir = dirname(fileURLToPath(import.meta.url));
let win: BrowserWindow | null = null;

function labArg(argv: string[]): string | undefined {
  const i = argv.indexOf('--lab');
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lab='))?.slice(6);
}

if (!app.requestSingleInstanceLock()) app.quit();
registerMediaScheme();

void app.whenReady().then(() => {
  const services = openLab(resolveLabDir(labArg(process.argv)));
  // A wrong GAITLAB_POSE_WORKERS is said, not run on the default unnoticed.
  const workers = poseWorkersSetting();
  if (workers.error) dialog.showErrorBox('GaitLab', `${workers.error} The default is used.`);
  handleMediaProtocol(services.layout.root);
  const paths = defaultPaths(mainDir);
  const dispose = registerIpc(services, () => win);
  const disposeReportPdf = registerReportPdf(() => win);
  const open = () => {
    win = createMainWindow(
      paths.preload,
      paths.renderer,
      join(app.getPath('userData'), 'window-state.json'),
      process.env.ELECTRON_RENDERER_URL,
    );
    win.on('closed', () => (win = null));
  };
  open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
  app.on('second-instance', () => win?.focus());
  app.on('will-quit', () => {
    dispose();
    disposeReportPdf();
    services.close();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
