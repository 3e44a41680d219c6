import { createHash } from 'node:crypto';
import { encodeOid } from '../mib/ber/ber-codec';
import { IF_TYPE, OID } from '../mib/docsis-oids';
import { macFromIndex } from '../mib/parse-modem-reading';
import type { Capture, CaptureFormat } from '../mib/parse-capture';
import type { AgentBackend, AgentVarbind, AgentView } from '../snmp-agent/agent-view';
import { entry, OidIndex, parseOidCached } from './oid-index';

// A captured walk of a real device, served as it was captured: the same OIDs, types and values, in OID order,
// so that the poller reads it exactly as it read the device. Nothing is computed: time stands still in a replay.

export type ReplayKind = 'modem' | 'cmts';

/** Replay ids are also their v2c communities; the prefix keeps them apart from the simulated fleet's. */
export const REPLAY_ID_PREFIX = 'replay-';

/** A replay id derived from the capture's text: registering the same capture twice gives the same device. */
export function replayIdFor(kind: ReplayKind, text: string): string {
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
  return `${REPLAY_ID_PREFIX}${kind === 'cmts' ? 'cmts-' : ''}${hash}`;
}

interface ReplayVarbind extends AgentVarbind {
  position: number;
}

export interface ReplaySummary {
  id: string;
  kind: ReplayKind;
  format: CaptureFormat;
  objects: number;
  registeredAt: string;
}

export class ReplayedDevice {
  private readonly index: OidIndex<ReplayVarbind>;
  readonly view: AgentView;

  constructor(
    readonly id: string,
    readonly kind: ReplayKind,
    readonly format: CaptureFormat,
    capture: Capture,
    readonly registeredAt = new Date(),
  ) {
    this.index = new OidIndex(
      capture.varbinds.map((vb) =>
        entry<ReplayVarbind>(vb.oid, vb.type, {
          oid: vb.oid,
          type: vb.type,
          value: vb.value,
          oidBer: encodeOid(vb.oid),
          position: -1,
        }),
      ),
    );
    for (let p = 0; p < this.index.size; p++) {
      this.index.at(p)!.get.position = p;
    }
    const index = this.index;
    this.view = {
      get: (oid) => {
        const p = index.positionOf(oid);
        return (p >= 0 ? index.at(p) : index.exact(parseOidCached(oid)))?.get;
      },
      next: (oid) => {
        const p = index.positionOf(oid);
        return (p >= 0 ? index.afterPosition(p) : index.after(parseOidCached(oid)))?.get;
      },
      nextAfter: (vb) => index.afterPosition((vb as ReplayVarbind).position)?.get,
      // A capture is read-only: its objects exist but cannot be written.
      set: (oid) =>
        index.positionOf(oid) >= 0 || index.exact(parseOidCached(oid)) ? 'notWritable' : 'noCreation',
    };
  }

  get objects(): number {
    return this.index.size;
  }

  summary(): ReplaySummary {
    return {
      id: this.id,
      kind: this.kind,
      format: this.format,
      objects: this.objects,
      registeredAt: this.registeredAt.toISOString(),
    };
  }
}

/**
 * The replayed devices, answering v2c requests whose community is a replay id; every other request goes to
 * `others` (the simulated fleet), so one agent on one port serves both.
 */
export class ReplayRegistry implements AgentBackend {
  private readonly byId = new Map<string, ReplayedDevice>();

  constructor(private readonly others?: AgentBackend) {}

  add(device: ReplayedDevice): ReplayedDevice {
    this.byId.set(device.id, device);
    return device;
  }

  get(id: string): ReplayedDevice | undefined {
    return this.byId.get(id);
  }

  list(): ReplayedDevice[] {
    return [...this.byId.values()];
  }

  viewFor(securityName: string, version: 'v2c' | 'v3'): AgentView | undefined {
    const device = version === 'v2c' ? this.byId.get(securityName) : undefined;
    return device ? device.view : this.others?.viewFor(securityName, version);
  }
}

/** IF-MIB ifPhysAddress: not part of the fast poll. */
const IF_PHYS_ADDRESS = '1.3.6.1.2.1.2.2.1.6';

/**
 * The modem's own cable MAC in its capture, to find its row at the CMTS: the BRIDGE-MIB entry it marks self(4),
 * else the ifPhysAddress of its docsCableMaclayer interface. Undefined when the capture shows neither.
 */
export function captureModemMac(capture: Capture): string | undefined {
  const fdbStatus = `${OID.dot1dTpFdbStatus}.`;
  const self = capture.varbinds.find((vb) => vb.oid.startsWith(fdbStatus) && vb.value === 4);
  const fromBridge = self && macFromIndex(self.oid.slice(fdbStatus.length));
  if (fromBridge) {
    return fromBridge;
  }
  const ifType = `${OID.ifType}.`;
  const cableIf = capture.varbinds.find(
    (vb) => vb.oid.startsWith(ifType) && vb.value === IF_TYPE.docsCableMaclayer,
  );
  const address = cableIf
    ? capture.varbinds.find((vb) => vb.oid === `${IF_PHYS_ADDRESS}.${cableIf.oid.slice(ifType.length)}`)
        ?.value
    : undefined;
  return Buffer.isBuffer(address) && address.length === 6
    ? [...address].map((b) => b.toString(16).padStart(2, '0')).join(':')
    : undefined;
}
