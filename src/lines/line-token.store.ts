/** What a line token grants: this API key may act on this modem until `expiresAt`. */
export interface LineGrant {
  modemId: string;
  keyId: string;
  expiresAt: number;
}

/** Line tokens by the digest of the token, each gone after its TTL. */
export abstract class LineTokenStore {
  abstract putGrant(digest: string, grant: LineGrant, ttlSec: number): Promise<void>;
  abstract getGrant(digest: string): Promise<LineGrant | null>;
}
