import type { ModemProfile } from './modem-profile';
import { textbookProfile } from './modem-profile';
import { Prng } from './prng';
import type { Scenario } from './scenarios';

export interface SimTiming {
  /** How long a reset modem stays silent while it re-registers. */
  rebootDownSec: number;
  /** Overrides the self-reboot period of the FLAPPING_DEVICE_REBOOTS scenario (tests use a short one). */
  selfRebootPeriodSec: number | null;
}

export interface SimCredentials {
  version: '2c' | '3';
  community: string;
  /** SNMPv3 modems: user name = modem id, keys derived from the fleet seed. */
  v3?: { user: string; authProtocol: 'sha'; authKey: string; privProtocol: 'aes'; privKey: string };
}

/** One simulated cable modem: a profile (levels, rates) plus a clock (boot time, reboots). */
export class SimModem {
  profile!: ModemProfile;
  /** SNMP requests this modem has received (answered or not): lets tests count polls. */
  requests = 0;
  /** Extra answer latency, set through the simulator API: a slow modem. */
  responseDelayMs = 0;
  scenario!: Scenario;
  private bootAt: number;
  private nextSelfReboot: number | null = null;
  private shape = '';

  constructor(
    readonly id: string,
    readonly index: number,
    readonly seed: number,
    readonly docsis: '3.0' | '3.1',
    readonly mac: string,
    readonly credentials: SimCredentials,
    scenario: Scenario,
    private readonly timing: SimTiming,
    now: number,
  ) {
    const uptime = Prng.for(seed, index, 7).between(1 * 86400, 40 * 86400);
    this.bootAt = now - uptime * 1000;
    this.applyScenario(scenario, now);
  }

  /** A fresh textbook profile from the modem's seed, then the scenario's changes. */
  applyScenario(scenario: Scenario, now: number): void {
    const profile = textbookProfile(this.docsis, Prng.for(this.seed, this.index));
    scenario.apply(profile);
    this.profile = profile;
    this.scenario = scenario;
    if (profile.uptimeSec != null) {
      this.bootAt = now - profile.uptimeSec * 1000;
    }
    const period = this.selfRebootPeriod();
    this.nextSelfReboot = period == null ? null : Math.max(now, this.bootAt) + period * 1000;
    this.shape = shapeKey(profile);
  }

  /** docsDevResetNow: silent for rebootDownSec, then uptime and every counter start again from 0. */
  reset(now: number): void {
    this.bootAt = now + this.timing.rebootDownSec * 1000;
  }

  /** False while rebooting or when the scenario says the modem is off. */
  answers(now: number): boolean {
    this.advanceSelfReboots(now);
    return this.profile.answers && now >= this.bootAt;
  }

  uptimeSec(now: number): number {
    return Math.max(0, (now - this.bootAt) / 1000);
  }

  shapeKey(): string {
    return this.shape;
  }

  private selfRebootPeriod(): number | null {
    if (this.profile.selfRebootPeriodSec == null) {
      return null;
    }
    return this.timing.selfRebootPeriodSec ?? this.profile.selfRebootPeriodSec;
  }

  private advanceSelfReboots(now: number): void {
    const period = this.selfRebootPeriod();
    while (this.nextSelfReboot != null && period != null && now >= this.nextSelfReboot) {
      this.bootAt = this.nextSelfReboot + this.timing.rebootDownSec * 1000;
      this.nextSelfReboot = this.bootAt + period * 1000;
    }
  }
}

/** Modems with the same shape share one sorted OID skeleton. CPE rows are per modem and kept apart. */
function shapeKey(p: ModemProfile): string {
  return [
    p.docsis,
    p.ds.length,
    p.us.length,
    p.ofdm.map((o) => o.bands.length).join('+'),
    p.ofdma.length,
  ].join(':');
}
