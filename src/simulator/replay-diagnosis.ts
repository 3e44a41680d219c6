import { OuiRegistry } from '../cpe/oui-registry';
import { diagnose } from '../diagnosis/diagnose';
import { DEFAULT_THRESHOLDS, type ThresholdsProfile } from '../domain/thresholds';
import type { CmtsContext, Diagnosis } from '../domain/diagnosis';
import { SnmpCmtsPoller } from '../snmp/snmp-cmts-poller';
import { SnmpModemPoller } from '../snmp/snmp-modem-poller';
import type { Capture } from '../mib/parse-capture';
import { SnmpAgent } from '../snmp-agent/snmp-agent';
import { SnmpClient } from '../snmp/snmp-client';
import type { SnmpTarget } from '../domain/snmp-target';
import type { CmtsSnapshot } from '../domain/cmts-reading';
import type { ModemReading } from '../domain/modem-reading';
import { captureModemMac, ReplayedDevice, ReplayRegistry, replayIdFor } from './replay';

// One diagnosis of a device as the service makes it (the real ModemPoller and CmtsPoller over UDP, then diagnose),
// without the service: for `npm run replay` and for comparing a replayed capture with the live device.

export interface OneShotOptions {
  thresholds?: ThresholdsProfile;
  /** The modem's cable MAC, to find its row in the CMTS snapshot (for captures: default read from the capture). */
  mac?: string;
  /** The CMTS's upstream receive set point (dBmV). */
  setPointDbmv?: number;
}

export interface OneShotDiagnosis {
  reading: ModemReading;
  /** What the CMTS snapshot gave, when a CMTS was read. */
  cmts?: { reachable: boolean; rows: number; mac: string | null; rowFound: boolean; error?: string };
  diagnosis: Diagnosis;
}

const CLIENT_OPTIONS = { timeoutMs: 2000, retries: 1, maxRepetitions: 25 };

/** Polls a modem (and its CMTS) once and diagnoses it with no history, as a first diagnosis of a line. */
export async function pollAndDiagnose(
  modem: SnmpTarget,
  cmts?: { id: string; target: SnmpTarget },
  options: OneShotOptions = {},
): Promise<OneShotDiagnosis> {
  const client = new SnmpClient(CLIENT_OPTIONS);
  const reading = await new SnmpModemPoller(client).poll('replay', modem);
  let context: CmtsContext | undefined;
  let cmtsOutcome: OneShotDiagnosis['cmts'];
  if (cmts) {
    const snapshot: CmtsSnapshot = await new SnmpCmtsPoller(client).snapshot(cmts.id, cmts.target);
    const mac = options.mac?.toLowerCase() ?? null;
    const rows = snapshot.reachable ? snapshot.rows : [];
    const row = rows.find((r) => r.mac === mac) ?? null;
    cmtsOutcome = {
      reachable: snapshot.reachable,
      rows: rows.length,
      mac,
      rowFound: row !== null,
      ...(!snapshot.reachable && { error: snapshot.error }),
    };
    // As the service: without the modem's MAC its row cannot be looked for, and "no row" would be a false claim.
    if (snapshot.reachable && mac) {
      context = {
        cmtsId: cmts.id,
        setPointDbmv: options.setPointDbmv ?? 0,
        row,
        neighbourhood: null,
        modemTables: snapshot.tables.modemTables,
        missingObjects: snapshot.tables.missing,
      };
    }
  }
  const oui = new OuiRegistry();
  const diagnosis = diagnose({
    reading,
    history: [],
    counterBaseline: null,
    thresholds: options.thresholds ?? DEFAULT_THRESHOLDS,
    cmts: context,
    cpeDevices: reading.reachable
      ? (reading.cpeMacs ?? []).map((mac) => ({ mac, vendor: oui.vendorOf(mac) }))
      : [],
  });
  return { reading, ...(cmtsOutcome && { cmts: cmtsOutcome }), diagnosis };
}

/** Serves the captures on 127.0.0.1 for the length of one pollAndDiagnose. */
export async function diagnoseCaptures(
  modem: { text: string; capture: Capture },
  cmts?: { text: string; capture: Capture },
  options: OneShotOptions = {},
): Promise<OneShotDiagnosis> {
  const registry = new ReplayRegistry();
  const modemDevice = registry.add(
    new ReplayedDevice(replayIdFor('modem', modem.text), 'modem', modem.capture.format, modem.capture),
  );
  const cmtsDevice =
    cmts &&
    registry.add(
      new ReplayedDevice(replayIdFor('cmts', cmts.text), 'cmts', cmts.capture.format, cmts.capture),
    );
  const agent = await SnmpAgent.start({ address: '127.0.0.1', port: 0, maxBulkVarbinds: 200 }, registry);
  const target = (id: string): SnmpTarget => ({
    host: '127.0.0.1',
    port: agent.port,
    credentials: { version: '2c', community: id },
  });
  try {
    return await pollAndDiagnose(
      target(modemDevice.id),
      cmtsDevice && { id: cmtsDevice.id, target: target(cmtsDevice.id) },
      { ...options, mac: options.mac ?? captureModemMac(modem.capture) },
    );
  } finally {
    await agent.close();
  }
}
