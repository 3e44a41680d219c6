import { type ModemGeneration, type ModemQuirk } from '../config/simulator-spec';
import { cleanOfdmaPnm, cleanOfdmPnm, type OfdmaPnmProfile, type OfdmPnmProfile } from './pnm-summaries';
import { CLEAN_PRE_EQ, type PreEqShape } from './pre-eq-coefficients';
import { Prng } from './prng';

// What one simulated modem "is": levels and error rates per channel, in real units. Counters are derived from
// these rates and the modem's uptime when an SNMP request asks for them.

export interface DsProfile {
  ifIndex: number;
  channelId: number;
  frequencyHz: number;
  modulation: 'qam64' | 'qam256';
  locked: boolean;
  powerDbmv: number;
  snrDb: number;
  correctedRatio: number;
  uncorrectableRatio: number;
}

export interface UsProfile {
  ifIndex: number;
  channelId: number;
  frequencyHz: number;
  txPowerDbmv: number;
  t3PerDay: number;
  t4PerDay: number;
  t3ExceededPerDay: number;
  muted: boolean;
  /** RangingState: other(1) aborted(2) retriesExceeded(3) success(4) continue(5) timeoutT4(6). */
  rangingStatus: number;
  /** What the channel's pre-equalisation coefficients show (served in the vendor's encoding). */
  preEq: PreEqShape;
}

export interface OfdmProfile {
  ifIndex: number;
  channelId: number;
  plcFrequencyHz: number;
  bands: { band: number; frequencyHz: number; powerDbmv: number }[];
  merDb: number;
  correctedRatio: number;
  uncorrectableRatio: number;
  /** DOCSIS 3.1 PNM summaries (DOCS-PNM-MIB). */
  pnm: OfdmPnmProfile;
}

export interface OfdmaProfile extends Omit<UsProfile, 'frequencyHz' | 'preEq'> {
  /** The pre-equaliser's DOCS-PNM summary. */
  pnm: OfdmaPnmProfile;
}

export interface CpeProfile {
  ip: string;
  mac: string;
  /** docsSubmgt3CpeIpType: cpe(1) mta(3) stb(4) erouter(6). */
  type: 1 | 3 | 4 | 6;
}

export interface CmtsSideProfile {
  /** docsIf3CmtsCmRegStatusValue while the modem is up: operational(8), initialRanging(2), other(1)... */
  regState: number;
  /** Upstream receive level at the CMTS minus its set point, dB. */
  usRxOffsetDb: number;
  usSnrDb: number;
  usUncorrectablesPerDay: number;
  /** docsIf31CmtsCmRegStatusPartialSvcState: none(2), partialSvcUsOnlyImpaired(4)... */
  partialSvcState: number;
  /** The CMTS refuses the modem: accessDenied(7) on RFC 4546, forwardingDisabled(17) in DOCS-IF3 (no accessDenied). */
  accessDenied?: boolean;
}

/** Routers and other devices customers plug in, by IEEE OUI (checked against the oui-data registry). */
export const CPE_VENDORS = [
  { vendor: 'TP-Link', oui: '14:75:90', type: 1 },
  { vendor: 'AVM', oui: '24:65:11', type: 1 },
  { vendor: 'NETGEAR', oui: '28:80:88', type: 1 },
  { vendor: 'ASUS', oui: '58:11:22', type: 1 },
  { vendor: 'Ubiquiti', oui: '60:22:32', type: 1 },
  { vendor: 'Linksys', oui: '74:12:13', type: 1 },
] as const;

export interface ModemProfile {
  docsis: ModemGeneration;
  /** Departures from the MIBs' full set that this modem shows (generations.ts). */
  quirks: ModemQuirk[];
  vendor: string;
  model: string;
  swRev: string;
  ds: DsProfile[];
  us: UsProfile[];
  ofdm: OfdmProfile[];
  ofdma: OfdmaProfile[];
  /** docsIf3CmStatusValue: operational(12), accessDenied(13), forwardingDisabled(20)... */
  statusValue: number;
  /** docsIf3CmStatusResets since boot (re-initialisations of the RF MAC without a reboot). */
  resetsSinceBoot: number;
  /** Devices behind the modem: the CM lists their IPs, its bridge table their MACs, the CMTS their type. */
  cpes: CpeProfile[];
  /** What the CMTS sees of this modem. */
  cmts: CmtsSideProfile;
  /** Seconds since the CMTS last saw this modem re-register without a reboot (RF re-init), or null. */
  reregisteredAgoSec: number | null;
  /** False: the modem answers nothing (no power, unplugged). */
  answers: boolean;
  /** Seconds between spontaneous reboots (bad power supply), or null. */
  selfRebootPeriodSec: number | null;
  /** When set, applying the profile re-bases the boot time so that the modem has been up this long. */
  uptimeSec: number | null;
}

export const IF_INDEX = { ethernet: 1, mac: 2, primaryDs: 3, primaryUs: 4, ofdm: 160, ofdma: 170 } as const;

const VENDORS = [
  { vendor: 'ARRIS', model: 'SB8200', sw: 'AB01.02.053.05_051921_193.0A.NSH', docsis: '3.1' },
  { vendor: 'Technicolor', model: 'TC4400', sw: '70.12.42-190604', docsis: '3.1' },
  { vendor: 'Netgear', model: 'CM1200', sw: 'V3.02.04', docsis: '3.1' },
  { vendor: 'ARRIS', model: 'SB6183', sw: 'D30CM-OSPREY-2.4.0.1-GA-02-NOSH', docsis: '3.0' },
  { vendor: 'Motorola', model: 'MB7621', sw: '7621-5.7.1.5', docsis: '3.0' },
  { vendor: 'Hitron', model: 'CDA3-35', sw: '4.5.10.23', docsis: '3.0' },
  { vendor: 'Motorola', model: 'SB5101', sw: 'SB5101N-2.8.3.0-SCM00-NOSH', docsis: '2.0' },
  { vendor: 'Thomson', model: 'TCM420', sw: 'ST42.05.05', docsis: '2.0' },
] as const;

/** A healthy modem: every graded metric inside its textbook band, with some realistic spread. */
export function textbookProfile(docsis: ModemGeneration, rnd: Prng): ModemProfile {
  const vendor = rnd.pick(VENDORS.filter((v) => v.docsis === docsis));
  // A DOCSIS 2.0 modem has one downstream and one upstream channel.
  const dsCount = docsis === '2.0' ? 1 : docsis === '3.1' ? 32 : rnd.pick([8, 16, 24, 32]);
  const usCount = docsis === '2.0' ? 1 : rnd.pick([4, 4, 4, 2]);
  const tiltBase = rnd.between(-4, 2);
  const ds: DsProfile[] = Array.from({ length: dsCount }, (_, i) => ({
    ifIndex: i === 0 ? IF_INDEX.primaryDs : 47 + i,
    channelId: i + 1,
    frequencyHz: 483_000_000 + i * 6_000_000,
    modulation: 'qam256',
    locked: true,
    powerDbmv: round1(tiltBase + (i / dsCount) * 3 + rnd.between(-0.6, 0.6)),
    snrDb: round1(rnd.between(37, 41)),
    correctedRatio: rnd.between(0, 0.0005),
    uncorrectableRatio: rnd.between(0, 0.000005),
  }));
  const usTx = rnd.between(39, 46);
  const t3 = rnd.pick([0, 0, 0, 1, 2]);
  const us: UsProfile[] = Array.from({ length: usCount }, (_, i) => ({
    ifIndex: i === 0 ? IF_INDEX.primaryUs : 79 + i,
    channelId: i + 1,
    frequencyHz: 16_400_000 + i * 6_400_000,
    txPowerDbmv: round1(usTx + i * 0.5),
    // A healthy modem sees at most a few T3s a day in all (the textbook band is <= 3 per 24 h).
    t3PerDay: i === 0 ? t3 : 0,
    t4PerDay: 0,
    t3ExceededPerDay: 0,
    muted: false,
    rangingStatus: 4,
    preEq: CLEAN_PRE_EQ,
  }));
  const ofdm: Omit<OfdmProfile, 'pnm'>[] =
    docsis === '3.1'
      ? [
          {
            ifIndex: IF_INDEX.ofdm,
            channelId: 33,
            plcFrequencyHz: 753_000_000,
            bands: Array.from({ length: 8 }, (_, b) => ({
              band: b,
              frequencyHz: b === 0 ? 753_000_000 : 693_000_000 + b * 6_000_000,
              powerDbmv: round1(rnd.between(-3, 3)),
            })),
            merDb: round1(rnd.between(38, 43)),
            correctedRatio: rnd.between(0, 0.002),
            uncorrectableRatio: rnd.between(0, 0.000005),
          },
        ]
      : [];
  const ofdma: Omit<OfdmaProfile, 'pnm'>[] =
    docsis === '3.1'
      ? [
          {
            ifIndex: IF_INDEX.ofdma,
            channelId: 41,
            txPowerDbmv: round1(rnd.between(41, 46)),
            t3PerDay: 0,
            t4PerDay: 0,
            t3ExceededPerDay: 0,
            muted: false,
            rangingStatus: 4,
          },
        ]
      : [];
  const cpes = [cpeFor(rnd)];
  const cmts: CmtsSideProfile = {
    regState: 8,
    usRxOffsetDb: round1(rnd.between(-1, 1)),
    usSnrDb: round1(rnd.between(33, 38)),
    usUncorrectablesPerDay: rnd.int(0, 20),
    partialSvcState: 2,
  };
  // Drawn last, so that every figure drawn before the summaries existed stays what it was.
  const span = (ch: (typeof ofdm)[number]): [number, number] => {
    const centres = ch.bands.map((b) => b.frequencyHz);
    return [Math.min(...centres) - 3_000_000, Math.max(...centres) + 3_000_000];
  };
  return {
    docsis,
    quirks: [],
    vendor: vendor.vendor,
    model: vendor.model,
    swRev: vendor.sw,
    ds,
    us,
    ofdm: ofdm.map((ch) => ({ ...ch, pnm: cleanOfdmPnm(rnd, ...span(ch)) })),
    ofdma: ofdma.map((ch) => ({ ...ch, pnm: cleanOfdmaPnm(rnd) })),
    statusValue: 12,
    resetsSinceBoot: 0,
    cpes,
    cmts,
    reregisteredAgoSec: null,
    answers: true,
    selfRebootPeriodSec: null,
    uptimeSec: null,
  };
}

function cpeFor(rnd: Prng): CpeProfile {
  const v = rnd.pick(CPE_VENDORS);
  const tail = [rnd.int(0, 255), rnd.int(0, 255), rnd.int(0, 255)].map((b) =>
    b.toString(16).padStart(2, '0'),
  );
  return {
    ip: `192.168.${rnd.int(0, 1)}.${rnd.int(2, 250)}`,
    mac: `${v.oui}:${tail.join(':')}`,
    type: v.type,
  };
}

export function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
