/**
 * Open live-event streams in this instance, per API key and in all. Each stream holds a socket (a file
 * descriptor) for as long as the client stays, so the count is capped where the descriptors are: per process.
 */
export class StreamSlots {
  private readonly perKey = new Map<string, number>();
  private total = 0;

  constructor(private readonly limits: { maxStreamsPerKey: number; maxStreams: number }) {}

  /** A release function for the new stream, or why none may open now. */
  take(keyId: string): { release: () => void } | { refused: string } {
    const mine = this.perKey.get(keyId) ?? 0;
    if (mine >= this.limits.maxStreamsPerKey) {
      return {
        refused: `this key already holds ${mine} open event streams, the most allowed (EVENTS_MAX_STREAMS_PER_KEY); close one first`,
      };
    }
    if (this.total >= this.limits.maxStreams) {
      return {
        refused: `${this.total} event streams are open, the most this instance holds (EVENTS_MAX_STREAMS); retry later`,
      };
    }
    this.perKey.set(keyId, mine + 1);
    this.total++;
    let released = false;
    return {
      release: () => {
        if (released) {
          return;
        }
        released = true;
        this.total--;
        const left = (this.perKey.get(keyId) ?? 1) - 1;
        if (left > 0) {
          this.perKey.set(keyId, left);
        } else {
          this.perKey.delete(keyId);
        }
      },
    };
  }

  get open(): number {
    return this.total;
  }
}
