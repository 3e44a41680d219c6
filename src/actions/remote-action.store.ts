import type { RemoteAction } from './remote-action';

/** Remote actions (reboots) as they go, and the action running on each modem during its cool-down. */
export abstract class RemoteActionStore {
  /** Saves the action as it is now; kept `ttlSec`. */
  abstract saveAction(action: RemoteAction, ttlSec: number): Promise<void>;
  abstract getAction(id: string): Promise<RemoteAction | null>;
  /** Remembers the modem's current action for `ttlSec`. */
  abstract setCurrentAction(modemId: string, actionId: string, ttlSec: number): Promise<void>;
  abstract currentAction(modemId: string): Promise<string | null>;
}
