import type { ModemGeneration, ModemQuirk, SimTiming } from '../config/simulator-spec';
import type { CmtsSideProfile, CpeProfile, ModemProfile } from './modem-profile';
import { textbookProfile } from './modem-profile';
import { CLEAN_PRE_EQ, preEqOctets, type PreEqShape } from './pre-eq-coefficients';
import { Prng } from './prng';
import type { Scenario } from './scenarios';

export interface SimCredentials {
  version: '2c' | '3';
  community: string;
  /** SNMPv3 modems: user name = modem id, keys derived from the fleet seed. */
  v3?: { user: string; authProtocol: 'sha'; authKey: string; privProtocol: 'aes'; privKey: string };
}

/** Where a modem sits in the plant: CMTS -> MAC domain -> service group (node). */
export interface SimPlacement {
  cmtsId: string;
  mdIfIndex: number;
  sgId: number;
  /** docsIf3CmtsCmRegStatusId: the modem's row on its CMTS. */
  regId: number;
  ipv4: string;
}

/** Node-level conditions that the fleet lays over a modem's own scenario. */
export interface NodeOverlay {
  /** The modem lost the plant in a node outage: its CMTS row vanishes, or stays as other(1). */
  outage: 'vanish' | 'other' | null;
  ingress: boolean;
}

/** A modem's own node is fine: shared by every modem without a node condition. */
export const NO_NODE_CONDITION: Readonly<NodeOverlay> = Object.freeze({ outage: null, ingress: false });

/** What the CMTS shows of a modem at one instant; null when its row is absent. */
export interface CmtsRowState {
  regState: number;
  lastRegAt: number;
  usRxOffsetDb: number;
  usSnrDb: number;
  usUncorrectables: number;
  partialSvcState: number;
  accessDenied: boolean;
}

/** Modems whose whole profile is held at once in this process; the others derive theirs again when asked. */
export const HELD_PROFILES = 1024;

/**
 * The modems holding their whole profile (every channel's levels and rates), oldest first, at most HELD_PROFILES:
 * holding one more drops the oldest. A profile is a function of the modem's seed, index, generation, quirks and
 * scenario, so a dropped one is derived again, the same, by the next request; a fleet's memory then no longer grows
 * with its profiles, and the modems being polled (a few hundred at a time) keep theirs.
 */
class HeldProfiles {
  private readonly slots: (SimModem | undefined)[] = new Array<SimModem | undefined>(HELD_PROFILES);
  private next = 0;

  /** Holds m's profile; returns its slot, which m gives back to be told apart from a later hold. */
  hold(m: SimModem): number {
    const slot = this.next;
    this.slots[slot]?.releaseProfile(slot);
    this.slots[slot] = m;
    this.next = (slot + 1) % HELD_PROFILES;
    return slot;
  }
}

const held = new HeldProfiles();

/** Shape keys are few; each modem refers to the one string of its shape. */
const shapeKeys = new Map<string, string>();

/**
 * One simulated cable modem: a profile (levels, rates) plus a clock (boot time, reboots). What every CMTS walk and
 * every request reads (whether it answers, the CMTS's view of it, its upstream count and CPEs) is kept; the whole
 * profile is derived on demand (see HeldProfiles).
 */
export class SimModem {
  node: NodeOverlay = NO_NODE_CONDITION;
  private reregisteredAt: number | null = null;
  /** SNMP requests this modem has received (answered or not): lets tests count polls. */
  requests = 0;
  /** Extra answer latency, set through the simulator API: a slow modem. */
  responseDelayMs = 0;
  scenario!: Scenario;
  private bootAt: number;
  /** The boot before the current one: while a modem reboots, the CMTS still shows that registration. */
  private previousBootAt: number;
  private nextSelfReboot: number | null = null;
  private shape = '';
  /** The whole profile while held (see HeldProfiles), and the slot holding it. */
  private heldProfile: ModemProfile | null = null;
  private heldSlot = -1;
  /** From the profile, kept: what the CMTS sees of the modem. */
  private cmtsSide!: CmtsSideProfile;
  /** From the profile, kept: the devices behind the modem (the CMTS lists them too). */
  cpes!: readonly CpeProfile[];
  /** From the profile, kept: upstream channels, and which of them are muted (bit k: channel k). */
  usChannels = 0;
  private usMutedBits = 0;
  /** From the profile, kept: each upstream's pre-equalisation (the CMTS reports it too); null when all are clean. */
  private usPreEq: readonly PreEqShape[] | null = null;
  /** From the profile, kept: the vendor, whose encoding the coefficients are in. */
  private vendor = '';
  private answersAtAll = true;
  private profileRebootPeriodSec: number | null = null;

  constructor(
    readonly id: string,
    readonly index: number,
    readonly seed: number,
    readonly docsis: ModemGeneration,
    readonly mac: string,
    readonly credentials: SimCredentials,
    readonly placement: SimPlacement,
    scenario: Scenario,
    private readonly timing: SimTiming,
    now: number,
    readonly quirks: readonly ModemQuirk[] = [],
  ) {
    const uptime = Prng.for(seed, index, 7).between(1 * 86400, 40 * 86400);
    this.bootAt = now - uptime * 1000;
    this.previousBootAt = this.bootAt;
    this.applyScenario(scenario, now);
  }

  /** The whole profile: levels and error rates of every channel, and the rest. Never mutate it. */
  get profile(): ModemProfile {
    return this.heldProfile ?? this.deriveProfile();
  }

  /** Called by HeldProfiles when `slot` is reused: the profile goes, unless a later hold kept it. */
  releaseProfile(slot: number): void {
    if (this.heldSlot === slot) {
      this.heldProfile = null;
      this.heldSlot = -1;
    }
  }

  /** A fresh textbook profile from the modem's seed, then the scenario's changes. */
  private deriveProfile(): ModemProfile {
    const profile = textbookProfile(this.docsis, Prng.for(this.seed, this.index));
    profile.quirks = [...this.quirks];
    this.scenario.apply(profile);
    this.heldProfile = profile;
    this.heldSlot = held.hold(this);
    return profile;
  }

  /** Gives the modem a scenario: a profile derived again, and the clock the scenario asks for. */
  applyScenario(scenario: Scenario, now: number): void {
    this.scenario = scenario;
    this.heldProfile = null;
    const profile = this.deriveProfile();
    this.cmtsSide = profile.cmts;
    this.cpes = profile.cpes;
    this.usChannels = profile.us.length;
    this.usMutedBits = profile.us.reduce((bits, ch, k) => (ch.muted ? bits | (1 << k) : bits), 0);
    const shapes = profile.us.map((ch) => ch.preEq);
    this.usPreEq = shapes.every((shape) => shape === CLEAN_PRE_EQ) ? null : shapes;
    this.vendor = profile.vendor;
    this.answersAtAll = profile.answers;
    this.profileRebootPeriodSec = profile.selfRebootPeriodSec;
    const period = this.selfRebootPeriod();
    if (profile.uptimeSec != null) {
      this.bootAt = now - profile.uptimeSec * 1000;
    } else if (period != null) {
      // A modem that keeps rebooting has just come back from its latest reboot (see pastSelfReboots).
      this.bootAt = now;
    }
    this.reregisteredAt = profile.reregisteredAgoSec == null ? null : now - profile.reregisteredAgoSec * 1000;
    this.nextSelfReboot = period == null ? null : Math.max(now, this.bootAt) + period * 1000;
    const shape = shapeKey(profile);
    this.shape = shapeKeys.get(shape) ?? (shapeKeys.set(shape, shape), shape);
  }

  /** Upstream channel k's pre-equalisation coefficients, as the modem serves them (its vendor's encoding). */
  usPreEqOctets(k: number): Buffer {
    return preEqOctets(this.usPreEq?.[k] ?? CLEAN_PRE_EQ, this.vendor);
  }

  /** Whether upstream channel k (0-based) is muted. */
  usMuted(k: number): boolean {
    return (this.usMutedBits & (1 << k)) !== 0;
  }

  /** docsDevResetNow: silent for rebootDownSec, then uptime and every counter start again from 0. */
  reset(now: number): void {
    this.previousBootAt = Math.min(this.bootAt, now);
    this.bootAt = now + this.timing.rebootDownSec * 1000;
  }

  /** False while rebooting, when the scenario says the modem is off, or when its node lost the plant. */
  answers(now: number): boolean {
    this.advanceSelfReboots(now);
    return this.answersAtAll && this.node.outage == null && now >= this.bootAt;
  }

  cmtsRow(now: number): CmtsRowState | null {
    this.advanceSelfReboots(now);
    if (this.node.outage === 'vanish') {
      return null;
    }
    const c = this.cmtsSide;
    const ingress = this.node.ingress;
    const upSec = this.uptimeSec(now);
    return {
      // While it reboots a modem ranges again; in a node outage its row stays as other(1).
      regState: this.node.outage === 'other' ? 1 : now < this.bootAt ? 2 : c.regState,
      // The simulated modem registers the moment its boot completes.
      lastRegAt: Math.max(now < this.bootAt ? this.previousBootAt : this.bootAt, this.reregisteredAt ?? 0),
      usRxOffsetDb: c.usRxOffsetDb,
      usSnrDb: ingress ? Math.min(c.usSnrDb, 21.5) : c.usSnrDb,
      usUncorrectables: Math.floor(((ingress ? 20_000 : c.usUncorrectablesPerDay) * upSec) / 86_400),
      partialSvcState: c.partialSvcState,
      accessDenied: c.accessDenied === true,
    };
  }

  /**
   * The last `count` runs before the current boot of a modem that keeps rebooting, each as a poll halfway through
   * it would have seen it (when, and the uptime then); empty for a modem that does not reboot itself.
   */
  pastSelfReboots(count: number): { at: number; uptimeSec: number }[] {
    const period = this.selfRebootPeriod();
    if (period == null) {
      return [];
    }
    const cycleMs = (period + this.timing.rebootDownSec) * 1000;
    return Array.from({ length: count }, (_, i) => ({
      at: this.bootAt - (count - i) * cycleMs + (period * 1000) / 2,
      uptimeSec: period / 2,
    }));
  }

  /** When the current boot completed (epoch ms): the modem's uptime counts from here. */
  bootedAt(): number {
    return this.bootAt;
  }

  /** When the CMTS last saw the modem re-register without a reboot (epoch ms), or null. */
  reregisteredAtMs(): number | null {
    return this.reregisteredAt;
  }

  uptimeSec(now: number): number {
    return Math.max(0, (now - this.bootAt) / 1000);
  }

  shapeKey(): string {
    return this.shape;
  }

  private selfRebootPeriod(): number | null {
    if (this.profileRebootPeriodSec == null) {
      return null;
    }
    return this.timing.selfRebootPeriodSec ?? this.profileRebootPeriodSec;
  }

  private advanceSelfReboots(now: number): void {
    const period = this.selfRebootPeriod();
    while (this.nextSelfReboot != null && period != null && now >= this.nextSelfReboot) {
      this.previousBootAt = this.bootAt;
      this.bootAt = this.nextSelfReboot + this.timing.rebootDownSec * 1000;
      this.nextSelfReboot = this.bootAt + period * 1000;
    }
  }
}

/** Modems with the same shape share one sorted OID skeleton. CPE rows are per modem and kept apart. */
function shapeKey(p: ModemProfile): string {
  return [
    p.docsis,
    p.quirks.join('+'),
    p.ds.length,
    p.us.length,
    p.ofdm.map((o) => o.bands.length).join('+'),
    p.ofdma.length,
  ].join(':');
}
