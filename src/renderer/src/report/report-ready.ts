// The page tells whoever prints it (Electron's printToPDF, headless Chromium in the CLI) when every
// chart and still has been drawn: a data attribute on <html>, set once nothing is pending.
export const READY_ATTRIBUTE = 'data-report-ready';
export const ERROR_ATTRIBUTE = 'data-report-error';

export class ReadyTracker {
  private pending = new Set<string>();
  private opened = false;

  /** Registers a piece of drawing work; call the returned function when it is on the page. */
  begin(key: string): () => void {
    this.pending.add(key);
    this.clear();
    return () => {
      this.pending.delete(key);
      this.check();
    };
  }

  /** Called once the data is in and every piece has registered. */
  open(): void {
    this.opened = true;
    this.check();
  }

  fail(message: string): void {
    document.documentElement.setAttribute(ERROR_ATTRIBUTE, message);
  }

  reset(): void {
    this.opened = false;
    this.pending.clear();
    this.clear();
    document.documentElement.removeAttribute(ERROR_ATTRIBUTE);
  }

  private clear(): void {
    document.documentElement.removeAttribute(READY_ATTRIBUTE);
  }

  private check(): void {
    if (!this.opened || this.pending.size > 0) return;
    // One more frame so the last layout is painted before a printer snapshots it.
    requestAnimationFrame(() => {
      if (this.opened && this.pending.size === 0)
        document.documentElement.setAttribute(READY_ATTRIBUTE, 'true');
    });
  }
}
