// Injected at build time by electron-vite's define; falls back for tests that run sources directly.
declare const __GAITLAB_VERSION__: string | undefined;
export const APP_VERSION: string =
  typeof __GAITLAB_VERSION__ === 'string' ? __GAITLAB_VERSION__ : '0.1.0-dev';
