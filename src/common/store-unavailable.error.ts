import { UpstreamUnavailableError } from './app-errors';

/** The store (Redis) did not answer: 503, "retry shortly"; the cause goes to the logs only. Nothing else is at fault. */
export class StoreUnavailableError extends UpstreamUnavailableError {
  override name = 'StoreUnavailableError';

  constructor(message: string) {
    super(message, { temporary: true, publicMessage: 'telemetry store unavailable; retry shortly' });
  }
}
