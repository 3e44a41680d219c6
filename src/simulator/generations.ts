import type { ModemQuirk, ModemShape } from '../config/simulator-spec';
import type { Scenario } from './scenarios';

// Modem generations and vendor quirks of the simulated fleet: what real plants mix in. A DOCSIS 2.0 modem speaks
// DOCS-IF-MIB alone (one downstream, one upstream, 32-bit codeword counters); 3.0 and 3.1 modems add DOCS-IF3 and
// DOCS-IF31. Quirks are departures seen on real modems that the poller and the rules must survive.

/** Scenarios a 2.0 modem cannot show the way their expectation says: one channel each way, no DOCS-IF3/IF31. */
const NOT_ON_DOCSIS20: Readonly<Record<string, string>> = {
  DS_TILT: 'a single downstream channel has no tilt',
  PARTIAL_SERVICE_DS: 'its only downstream channel cannot drop out of a bonding group',
  PARTIAL_SERVICE_US: 'its only upstream channel cannot drop out of a bonding group',
  FORWARDING_DISABLED: 'DOCS-IF-MIB has no forwardingDisabled state',
  CMTS_PARTIAL_SERVICE: 'partial service is a DOCSIS 3.x bonding state',
  UNCORRECTABLES_MARGINAL: 'its 32-bit codeword counters are graded only between two polls',
  UNCORRECTABLES_FAULT: 'its 32-bit codeword counters are graded only between two polls',
  HIGH_CORRECTED: 'its 32-bit codeword counters are graded only between two polls',
};

/** Scenarios whose evidence a quirk hides, so their expectation would not hold. */
const HIDDEN_BY_QUIRK: Readonly<Record<ModemQuirk, Readonly<Record<string, string>>>> = {
  NO_US_STATUS_TABLE: {
    US_POWER_HIGH_MARGINAL:
      'without docsIf3CmStatusUsTable the per-channel levels of bonded upstreams are not read',
    US_POWER_HIGH_FAULT:
      'without docsIf3CmStatusUsTable the per-channel levels of bonded upstreams are not read',
    PARTIAL_SERVICE_US: 'without docsIf3CmStatusUsTable a muted upstream is not visible',
    ...Object.fromEntries(
      ['US_ECHO_DROP', 'US_ECHO_TAP', 'IN_HOME_SPLITTERS', 'US_GROUP_DELAY'].map((name) => [
        name,
        'without docsIf3CmStatusUsTable the coefficients of bonded upstreams are not read',
      ]),
    ),
  },
  BRIDGE_WITHOUT_STATUS: {
    NO_CPE: 'a bridge table without a status column cannot show that nothing is connected',
  },
  DUMMY_SC_QAM_ROWS: {},
  NO_TIME_OF_DAY: {},
  NO_EVENT_LOG: {},
  // Its scenarios' expectations without the summaries are `expect` (scenarios.ts, expectationOn): nothing is hidden.
  PNM_NOT_READY: {},
};

/** Why a scenario cannot run on a modem of this shape, or null when it can. */
export function scenarioMisfit(scenario: Scenario, shape: ModemShape): string | null {
  if (scenario.requires && scenario.requires !== shape.docsis) {
    return `scenario ${scenario.name} needs a DOCSIS ${scenario.requires} modem`;
  }
  const generation = shape.docsis === '2.0' ? NOT_ON_DOCSIS20[scenario.name] : undefined;
  if (generation != null) {
    return `scenario ${scenario.name} does not fit a DOCSIS 2.0 modem: ${generation}`;
  }
  for (const quirk of shape.quirks) {
    const hidden = HIDDEN_BY_QUIRK[quirk][scenario.name];
    if (hidden != null) {
      return `scenario ${scenario.name} does not fit a modem with quirk ${quirk}: ${hidden}`;
    }
  }
  return null;
}
