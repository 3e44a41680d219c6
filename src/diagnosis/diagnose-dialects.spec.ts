import { cmtsRegState } from '../domain/cmts-reading';
import { diagnose } from './diagnose';
import {
  cmtsContext,
  cmtsRow,
  cmtsUpstream,
  diagnosisInput,
  neighbourhood,
  textbookReading,
  unreachableReading,
} from './test-reading.factory';
import type { CmtsContext } from '../domain/diagnosis';

// The CMTS's dialect in the verdict: RFC 4546 states, a refusal at the CMTS, a blind CMTS, nodes by upstream.

const rfc4546Row = (value: number | null) =>
  cmtsRow({
    regId: null,
    statusIndex: 4,
    state: cmtsRegState('rfc4546', value),
    mdIfIndex: null,
    sgId: null,
    upstream: [cmtsUpstream(1, { rangingStatus: null })],
    cpes: null,
  });

const offlineWith = (cmts: Partial<CmtsContext>) =>
  diagnose(diagnosisInput(unreachableReading(), { cmts: cmtsContext(cmts) }));

const BLIND: Partial<CmtsContext> = {
  cmtsId: 'cmts-old',
  row: null,
  neighbourhood: null,
  modemTables: 'none',
  missingObjects: ['docsIf3CmtsCmRegStatusTable', 'docsIfCmtsCmStatusTable'],
};

describe('diagnose across CMTS dialects', () => {
  describe('RFC 4546 states of an unreachable modem', () => {
    it('registrationComplete(6) is online at the CMTS: INSUFFICIENT_DATA, not offline', () => {
      expect(offlineWith({ row: rfc4546Row(6) }).verdict).toBe('INSUFFICIENT_DATA');
    });

    it.each([
      [2, 'ranging'],
      [3, 'rangingAborted'],
    ])(
      '%p (%s) is LINE_FAULT [REGISTRATION_RF_FAILURE], graded against registrationComplete(6)',
      (value, name) => {
        const d = offlineWith({ row: rfc4546Row(value) });
        expect(d.subKinds).toEqual(['REGISTRATION_RF_FAILURE']);
        expect(d.findings[0]).toEqual(expect.objectContaining({ observed: value, limit: 6 }));
        expect(d.findings[0].message).toContain(`(${name})`);
      },
    );

    it.each([1, 4, 5, 9])('%p leaves it MODEM_OFFLINE', (value) => {
      expect(offlineWith({ row: rfc4546Row(value) }).verdict).toBe('MODEM_OFFLINE');
    });

    it('a row whose state was not read is not taken for offline, online or ranging', () => {
      expect(offlineWith({ row: rfc4546Row(null) }).verdict).toBe('MODEM_OFFLINE');
      expect(offlineWith({ row: rfc4546Row(null) }).subKinds).toEqual(['NO_POWER_OR_DISCONNECTED']);
    });
  });

  describe('a modem the CMTS refuses', () => {
    it('RFC 4546 accessDenied(7), the modem silent: PROVISIONING_ISSUE [ACCESS_DENIED], back office', () => {
      const d = offlineWith({ row: rfc4546Row(7) });
      expect(d).toEqual(
        expect.objectContaining({
          verdict: 'PROVISIONING_ISSUE',
          subKinds: ['ACCESS_DENIED'],
          action: 'BACK_OFFICE',
        }),
      );
      expect(d.findings.map((f) => f.code)).toEqual(['ACCESS_DENIED', 'NO_RESPONSE']);
      expect(d.findings[0]).toEqual(expect.objectContaining({ observed: 7, limit: 6, unit: 'state' }));
      expect(d.summary).toMatch(
        /^Provisioning issue: The network \(sim-cmts-1\) refused this modem's registration/,
      );
      expect(d.summary).toMatch(/refused by the back office.*Transfer to the back office/);
    });

    it('DOCS-IF3 forwardingDisabled(17), the modem silent: PROVISIONING_ISSUE [FORWARDING_DISABLED]', () => {
      const d = offlineWith({ row: cmtsRow({ regState: 17 }) });
      expect(d.subKinds).toEqual(['FORWARDING_DISABLED']);
      expect(d.findings[0]).toEqual(expect.objectContaining({ observed: 17, limit: 8 }));
    });

    it('the modem answers but is not operational: the CMTS row decides', () => {
      const reading = textbookReading({
        status: { value: 6, name: 'rangingComplete', resets: 1, lostSyncs: 0 },
      });
      const d = diagnose(diagnosisInput(reading, { cmts: cmtsContext({ row: rfc4546Row(7) }) }));
      expect(d).toEqual(
        expect.objectContaining({ verdict: 'PROVISIONING_ISSUE', subKinds: ['ACCESS_DENIED'] }),
      );
    });

    it('the modem says operational: a CMTS accessDenied (a stale row) does not overrule it', () => {
      const d = diagnose(diagnosisInput(textbookReading(), { cmts: cmtsContext({ row: rfc4546Row(7) }) }));
      expect(d.verdict).toBe('TEXTBOOK_OK');
    });

    it('the modem says operational but the CMTS disabled forwarding, which the modem cannot see: FORWARDING_DISABLED', () => {
      const d = diagnose(
        diagnosisInput(textbookReading(), { cmts: cmtsContext({ row: cmtsRow({ regState: 17 }) }) }),
      );
      expect(d.subKinds).toEqual(['FORWARDING_DISABLED']);
    });

    it('the modem’s own accessDenied(13) stays the finding when it answers', () => {
      const reading = textbookReading({
        status: { value: 13, name: 'accessDenied', resets: 1, lostSyncs: 0 },
      });
      const d = diagnose(diagnosisInput(reading, { cmts: cmtsContext({ row: rfc4546Row(7) }) }));
      expect(d.findings).toEqual([
        expect.objectContaining({ code: 'ACCESS_DENIED', observed: 13, limit: 12 }),
      ]);
    });
  });

  describe('a blind CMTS (no modem table)', () => {
    it('a healthy modem is TEXTBOOK_OK with an INFO CMTS_NO_EVIDENCE finding naming the CMTS and what it lacks', () => {
      const d = diagnose(diagnosisInput(textbookReading(), { cmts: cmtsContext(BLIND) }));
      expect(d.verdict).toBe('TEXTBOOK_OK');
      expect(d.subKinds).toEqual([]);
      const finding = d.findings.find((f) => f.code === 'CMTS_NO_EVIDENCE');
      expect(finding).toEqual(expect.objectContaining({ severity: 'INFO', unit: 'state' }));
      expect(finding?.message).toBe(
        'The CMTS cmts-old exposes no modem table (no rows in docsIf3CmtsCmRegStatusTable, ' +
          'docsIfCmtsCmStatusTable), so the headend gave no evidence about this modem or its neighbours: this ' +
          'rests on the modem alone, and whether its node is affected is unknown.',
      );
      expect(d.summary).toContain(finding!.message);
    });

    it('a silent modem is INSUFFICIENT_DATA [NEIGHBOURS_UNKNOWN], never "only this home"', () => {
      const d = offlineWith(BLIND);
      expect(d.verdict).toBe('INSUFFICIENT_DATA');
      expect(d.subKinds).toEqual(['NEIGHBOURS_UNKNOWN']);
      expect(d.summary).toMatch(
        /its CMTS cmts-old shows no modem table, so it cannot be told whether only this/,
      );
      expect(d.summary).not.toMatch(/only this modem|problem is at this home/i);
      expect(d.findings.map((f) => f.code)).toEqual([
        'NO_RESPONSE',
        'NEIGHBOURS_UNKNOWN',
        'CMTS_NO_EVIDENCE',
      ]);
    });

    it('a CMTS with tables adds no such finding', () => {
      const d = diagnose(
        diagnosisInput(textbookReading(), { cmts: cmtsContext({ modemTables: 'rfc4546' }) }),
      );
      expect(d.findings.map((f) => f.code)).not.toContain('CMTS_NO_EVIDENCE');
    });
  });

  describe('a node grouped by upstream channel (no service group id)', () => {
    const byUpstream = neighbourhood({
      mdIfIndex: 0,
      sgId: 0,
      groupKey: 'us:2001+2002',
      groupedBy: 'upstreamChannels',
      others: 9,
      othersOffline: 7,
    });

    it('an outage says the modems share upstream channels, not a service group', () => {
      const d = offlineWith({ row: null, neighbourhood: byUpstream });
      expect(d.verdict).toBe('PLANT_OUTAGE');
      expect(d.findings[0].message).toBe(
        '7 of 9 other modems on the upstream channels 2001+2002 of sim-cmts-1 (grouped by upstream channel: the ' +
          'CMTS gives no service group) are offline too.',
      );
    });

    it('a single offline modem counts its upstream neighbours', () => {
      const d = offlineWith({ row: null, neighbourhood: { ...byUpstream, othersOffline: 0 } });
      expect(d.summary).toMatch(/^9 of 9 other modems on the same upstream channels are online/);
    });
  });

  it('upstream levels the CMTS did not give are not graded', () => {
    const row = cmtsRow({ upstream: [cmtsUpstream(1, { snrDb: null, rxPowerDbmv: null })] });
    const d = diagnose(diagnosisInput(textbookReading(), { cmts: cmtsContext({ row }) }));
    expect(d.verdict).toBe('TEXTBOOK_OK');
    expect(d.findings).toEqual([]);
  });
});
