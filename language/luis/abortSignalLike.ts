/**
 * ms-rest-js declares its own AbortSignalLike whose `this` typing is incompatible with the DOM AbortSignal
 * type, though at run time it only reads `aborted` and adds/removes "abort" listeners. This adapter bridges
 * the two without casts.
 */
import type { AbortSignalLike } from '@azure/ms-rest-js';

type Listener = (this: AbortSignalLike, ev: Event) => unknown;

export function toAbortSignalLike(signal: AbortSignal): AbortSignalLike {
  const wrapped = new Map<Listener, (ev: Event) => void>();
  const like: AbortSignalLike = {
    get aborted() {
      return signal.aborted;
    },
    onabort: null,
    dispatchEvent: (event) => signal.dispatchEvent(event),
    addEventListener: (type, listener) => {
      const forward = (ev: Event): void => {
        listener.call(like, ev);
      };
      wrapped.set(listener, forward);
      signal.addEventListener(type, forward);
    },
    removeEventListener: (type, listener) => {
      const forward = wrapped.get(listener);
      if (forward) signal.removeEventListener(type, forward);
      wrapped.delete(listener);
    },
  };
  return like;
}
