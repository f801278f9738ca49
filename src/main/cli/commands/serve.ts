import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { UserError } from '../command';
import { openLab } from '../../services/lab-services';
import { startBridge } from '../../bridge/server';

function rendererDir(): string {
  // Built layout: out/main/cli.js beside out/renderer/.
  return fileURLToPath(new URL('../renderer', import.meta.url));
}

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Serve the app in a browser on 127.0.0.1 (web bridge) and print its URL',
  usage: `gaitlab serve [--port N] [--lab DIR]

Serves the GaitLab renderer and its API on 127.0.0.1 only, protected by a random token made for
this run. Open the printed URL in Chromium, Chrome, Firefox or Edge. Stop with Ctrl-C.
  --port N   port to listen on (default: a free port)`,
  run: async (argv, ctx) => {
    const { values } = parseArgs({ args: argv, options: { port: { type: 'string' } }, strict: true });
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UserError('--port must be a whole number 0-65535.');
    const staticDir = rendererDir();
    if (!existsSync(staticDir))
      throw new UserError(`The renderer build is missing (${staticDir}): run npm run build.`);
    const services = openLab(ctx.labDir);
    const bridge = await startBridge({ services, staticDir, port });
    ctx.io.out(`GaitLab web bridge for lab ${services.layout.root}`);
    ctx.io.out(`Open: ${bridge.url}`);
    ctx.io.out('Press Ctrl-C to stop.');
    await new Promise<void>((resolve) => {
      if (ctx.io.signal.aborted) resolve();
      ctx.io.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await bridge.close();
    await services.jobs.shutdown();
    services.close();
    return 0;
  },
};
