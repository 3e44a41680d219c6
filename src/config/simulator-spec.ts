// What configures the simulated fleet, as leaf data: config/ parses and validates it, simulator/ builds the fleet
// from it. The scenario names here are the simulator's scenarios (simulator/scenarios.ts; a unit test holds them equal).

export const CMTS_DIALECTS = ['docsis30', 'rfc4546', 'blind'] as const;
export type CmtsDialect = (typeof CMTS_DIALECTS)[number];

/** What becomes of an offline modem's row: it stays, as other(1), or it vanishes from the tables. */
export const OFFLINE_ROWS = ['stay', 'vanish'] as const;
export type OfflineRows = (typeof OFFLINE_ROWS)[number];

export const MODEM_GENERATIONS = ['2.0', '3.0', '3.1'] as const;
export type ModemGeneration = (typeof MODEM_GENERATIONS)[number];

export const MODEM_QUIRKS = {
  NO_US_STATUS_TABLE:
    'DOCSIS 3.0 without docsIf3CmStatusUsTable: upstream level and T3/T4 only from docsIfCmStatus on the MAC interface.',
  BRIDGE_WITHOUT_STATUS:
    'The bridge table lists addresses (dot1dTpFdbPort) but has no dot1dTpFdbStatus column.',
  DUMMY_SC_QAM_ROWS:
    'DOCSIS 3.1 with placeholder SC-QAM downstream rows: frequency 0, power 0, interface down.',
  NO_TIME_OF_DAY:
    'No time of day (no ToD server answers): event log times are 1970-01-01 plus the time since boot.',
  NO_EVENT_LOG: 'No event log: the docsDevEvent group (docsDevEvControl, docsDevEventTable) does not answer.',
  PNM_NOT_READY:
    'DOCSIS 3.1 whose DOCS-PNM summaries are not ready: RxMER statistics inactive and channel estimate busy ' +
    '(their values read 0), no docsPnmCmUsPreEqTable; the mean RxMER still answers.',
} as const;
export type ModemQuirk = keyof typeof MODEM_QUIRKS;

export const QUIRKS_BY_GENERATION: Readonly<Record<ModemGeneration, readonly ModemQuirk[]>> = {
  '2.0': ['BRIDGE_WITHOUT_STATUS', 'NO_TIME_OF_DAY', 'NO_EVENT_LOG'],
  '3.0': ['NO_US_STATUS_TABLE', 'BRIDGE_WITHOUT_STATUS', 'NO_TIME_OF_DAY', 'NO_EVENT_LOG'],
  '3.1': ['DUMMY_SC_QAM_ROWS', 'BRIDGE_WITHOUT_STATUS', 'NO_TIME_OF_DAY', 'PNM_NOT_READY'],
};

export interface ModemShape {
  docsis: ModemGeneration;
  quirks: readonly ModemQuirk[];
}

/** "2.0", "3.0+NO_US_STATUS_TABLE", "3.1+DUMMY_SC_QAM_ROWS+BRIDGE_WITHOUT_STATUS" -> a shape, or an error text. */
export function parseShape(text: string): ModemShape | string {
  const [docsis, ...quirks] = text.split('+');
  if (!(MODEM_GENERATIONS as readonly string[]).includes(docsis)) {
    return `unknown DOCSIS generation ${docsis} (known: ${MODEM_GENERATIONS.join(', ')})`;
  }
  const generation = docsis as ModemGeneration;
  for (const q of quirks) {
    if (!QUIRKS_BY_GENERATION[generation].includes(q as ModemQuirk)) {
      return `quirk ${q} does not exist for DOCSIS ${generation} (known: ${QUIRKS_BY_GENERATION[generation].join(', ')})`;
    }
  }
  return { docsis: generation, quirks: quirks as ModemQuirk[] };
}
export interface FleetSpec {
  size: number;
  /** Share of DOCSIS 3.1 modems (the rest are 3.0), 0..1. */
  docsis31Share: number;
  /** Share of modems reached with SNMPv3 (authPriv) instead of v2c, 0..1. */
  v3Share: number;
  /** Relative weights by scenario name; scenarios left out never occur. */
  scenarioMix: Record<string, number>;
  seed: number;
  idPrefix: string;
  /**
   * This process serves modems firstIndex .. firstIndex + size - 1 of a larger fleet (ids and topology are global),
   * so a 100,000-modem fleet can run as several simulator processes. Split on CMTS boundaries.
   */
  firstIndex?: number;
  /** Modems per service group (node). */
  serviceGroupSize: number;
  /** Service groups per CMTS; every 4 share one MAC domain. */
  serviceGroupsPerCmts: number;
  /** Share of the would-be DOCSIS 3.0 modems that are DOCSIS 2.0 instead (DOCS-IF-MIB only), 0..1; default 0. */
  docsis20Share?: number;
  /** Share of modems with one vendor quirk of their generation (generations.ts), 0..1; default 0. */
  quirkShare?: number;
  /** Chosen shapes by modem id (tests): they override the drawn generation and quirks. */
  shapes?: Record<string, ModemShape>;
  /**
   * Relative weights of the CMTS dialects (docsis30, rfc4546, blind); absent: all docsis30. CMTSes 1, 2 and 3 are
   * docsis30, rfc4546 and blind when the mix has them, so a small fleet shows each; later CMTSes draw from the mix
   * with the seed.
   */
  cmtsDialectMix?: Partial<Record<CmtsDialect, number>>;
  /** Per CMTS id: its dialect and what becomes of offline modems' rows (default: they stay, as other(1)). */
  cmts?: Record<string, { dialect?: CmtsDialect; offlineRows?: OfflineRows }>;
}

export interface SimTiming {
  /** How long a reset modem stays silent while it re-registers. */
  rebootDownSec: number;
  /** Overrides the self-reboot period of the FLAPPING_DEVICE_REBOOTS scenario (tests use a short one). */
  selfRebootPeriodSec: number | null;
}

export const SCENARIO_NAMES = [
  'TEXTBOOK',
  'NO_CPE',
  'DS_POWER_LOW_MARGINAL',
  'DS_POWER_LOW_FAULT',
  'DS_POWER_HIGH_MARGINAL',
  'DS_POWER_HIGH_FAULT',
  'DS_SNR_MARGINAL',
  'DS_SNR_FAULT',
  'DS_TILT',
  'US_POWER_HIGH_MARGINAL',
  'US_POWER_HIGH_FAULT',
  'US_POWER_LOW',
  'OFDMA_POWER_MARGINAL',
  'OFDMA_POWER_FAULT',
  'UNCORRECTABLES_MARGINAL',
  'UNCORRECTABLES_FAULT',
  'HIGH_CORRECTED',
  'T3_MARGINAL',
  'T3_T4_FAULT',
  'PARTIAL_SERVICE_DS',
  'PARTIAL_SERVICE_US',
  'OFDM_MER_MARGINAL',
  'OFDM_MER_FAULT',
  'OFDM_POWER_MARGINAL',
  'OFDM_POWER_FAULT',
  'FLAPPING_RF_REINIT',
  'FLAPPING_DEVICE_REBOOTS',
  'ACCESS_DENIED',
  'FORWARDING_DISABLED',
  'CMTS_ACCESS_DENIED',
  'OFFLINE',
  'MGMT_UNREACHABLE',
  'STUCK_INITIAL_RANGING',
  'US_RX_OFFSET_MARGINAL',
  'US_RX_OFFSET_FAULT',
  'LOW_US_SNR_MARGINAL',
  'LOW_US_SNR_FAULT',
  'US_ECHO_DROP',
  'US_ECHO_TAP',
  'IN_HOME_SPLITTERS',
  'US_GROUP_DELAY',
  'CMTS_PARTIAL_SERVICE',
  'RF_REINIT_SINCE_BOOT',
  'OFDM_INGRESS',
  'PNM_SHORT_CAVITY',
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** Scenarios added later are left out, so that the default fleet keeps the scenarios it had before they existed. */
const DEFAULT_WEIGHTS: Record<string, number> = {
  TEXTBOOK: 60,
  NO_CPE: 4,
  RF_REINIT_SINCE_BOOT: 0,
  OFDM_INGRESS: 0,
  PNM_SHORT_CAVITY: 0,
};

export const DEFAULT_SCENARIO_MIX: Record<string, number> = Object.fromEntries(
  SCENARIO_NAMES.map((name) => [name, DEFAULT_WEIGHTS[name] ?? 1]),
);
