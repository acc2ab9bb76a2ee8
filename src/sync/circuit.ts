// The client's circuit-breaker events, handed to a sync run. A client takes its `onCircuitStateChange`
// hook when it is constructed, and syncUsers receives a client already built, so the run cannot attach
// itself to it: the application passes `events.onCircuitStateChange` to the client and `events` to the
// run, and the run raises its `breaker-open` alert from the client's own state change.
import type { CircuitStateChange } from 'user-management-sdk';

/** A bridge from a client's `onCircuitStateChange` to the sync runs that use that client. */
export interface CircuitEvents {
  /** Pass this as the client's `onCircuitStateChange` option. */
  readonly onCircuitStateChange: (change: CircuitStateChange) => void;
  /**
   * Calls `listener` on every state change until the returned function is called (a run subscribes
   * for its duration).
   */
  subscribe(listener: (change: CircuitStateChange) => void): () => void;
}

/**
 * Creates the bridge that lets a sync run alert when the client's circuit breaker opens.
 *
 * @param forward - Also called on every change (the application's own `onCircuitStateChange`, if any).
 * @example
 * ```ts
 * const circuitEvents = createCircuitEvents();
 * const client = new UserManagementClient({ baseUrl, onCircuitStateChange: circuitEvents.onCircuitStateChange });
 * await syncUsers(client, 'users.csv', { circuitEvents, onAlert: (a) => page(a.message) });
 * ```
 */
export function createCircuitEvents(forward?: (change: CircuitStateChange) => void): CircuitEvents {
  const listeners = new Set<(change: CircuitStateChange) => void>();
  return {
    onCircuitStateChange(change) {
      forward?.(change);
      for (const listener of [...listeners]) listener(change);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
