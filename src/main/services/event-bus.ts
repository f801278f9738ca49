import type { LabEvent } from '../../shared/api/events';

/** Fan-out of service events to every connected UI; subscribe returns its own unsubscribe. */
export class EventBus {
  private readonly listeners = new Set<(event: LabEvent) => void>();

  subscribe(listener: (event: LabEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: LabEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // A broken subscriber (closed window, dropped connection) must not stop the others.
      }
    }
  }
}
