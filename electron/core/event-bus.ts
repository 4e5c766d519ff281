import { events, type EventName, type EventPayload } from '../../shared/ipc';

export type EventListener = <K extends EventName>(event: K, payload: EventPayload<K>) => void;

/** Main-to-renderer events: whatever the engine or the stores emit goes to every connected window or browser tab. */
export interface EventBus {
  emit<K extends EventName>(event: K, payload: EventPayload<K>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      // Validate here so a malformed event fails where it was produced, not in the renderer.
      const checked = events[event].parse(payload) as typeof payload;
      for (const listener of listeners) listener(event, checked);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
