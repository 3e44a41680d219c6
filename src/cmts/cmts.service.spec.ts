import { Logger } from '@nestjs/common';
import { FakeCmtsPoller } from '../../test/support/unit-fakes';
import { loadConfig } from '../config/app-config';
import * as cmtsPreEq from '../diagnosis/cmts-pre-eq';
import {
  CLEAN_PRE_EQ_HEX,
  cmtsRow,
  cmtsUpstream,
  preEqHex,
  textbookReading,
} from '../diagnosis/test-reading.factory';
import type { CmtsModemRow } from '../domain/cmts-reading';
import type { PreEqSummary } from '../domain/diagnosis';
import type { ModemRecord } from '../domain/modem-record';
import type { StoredReading } from '../readings/reading.store';
import { MemoryCmtsStore } from '../store/memory/memory-cmts.store';
import { MemoryModemStore } from '../store/memory/memory-modem.store';
import { MemoryReadingStore } from '../store/memory/memory-reading.store';
import { CmtsService, CmtsUnreachableError } from './cmts.service';

// The real analysis, counted: how often the service analyses the CMTS's coefficients.
jest.mock('../diagnosis/cmts-pre-eq', () => {
  const actual: typeof cmtsPreEq = jest.requireActual('../diagnosis/cmts-pre-eq');
  return { ...actual, cmtsPreEqSummary: jest.fn(actual.cmtsPreEqSummary) };
});

const SNMP = { version: '2c', community: 'public' } as const;

/** The MAC of modem n: 00:1d:d1:00:00:0n. */
const mac = (n: number): string => `00:1d:d1:00:00:${n.toString(16).padStart(2, '0')}`;

/** Modem n's row on node 1000.2, operational unless patched. */
const row = (n: number, patch: Parameters<typeof cmtsRow>[0] = {}): CmtsModemRow =>
  cmtsRow({ mac: mac(n), ipv4: `10.1.0.${n}`, regId: n, ...patch });

/** CmtsService on the in-process stores with a fake CMTS poller; cmts-1 is registered. */
async function setup(env: Record<string, string> = {}) {
  const config = loadConfig(env);
  const cmtses = new MemoryCmtsStore();
  const modems = new MemoryModemStore();
  const readings = new MemoryReadingStore(config.retention);
  const poller = new FakeCmtsPoller();
  const service = new CmtsService(config, cmtses, modems, readings, poller);
  await service.put('cmts-1', { host: '10.9.0.1', snmp: SNMP });

  /** Modem n in the inventory on cmts-1 (node 1000.2 unless `membership` says otherwise). */
  const addModem = async (n: number, patch: Partial<ModemRecord> = {}): Promise<ModemRecord> => {
    const record: ModemRecord = {
      id: `cm-${n}`,
      host: `10.1.0.${n}`,
      port: 161,
      snmp: SNMP,
      mac: mac(n),
      cmtsId: 'cmts-1',
      membership: { cmtsId: 'cmts-1', mdIfIndex: 1000, sgId: 2, regId: n, seenAt: 0 },
      createdAt: 0,
      updatedAt: 0,
      ...patch,
    };
    await modems.putModem(record);
    return record;
  };
  const sweepContext = (m: ModemRecord, snapshotMaxAgeMs?: number) =>
    service.context(m, { refreshRow: false, snapshotMaxAgeMs });

  return { config, cmtses, modems, readings, poller, service, addModem, sweepContext };
}

/** A -15 dBc echo 6 taps out (about 153 m at 6.4 MHz): a faulty tap's signature. */
const TAP_ECHO_HEX = preEqHex([{ delayTaps: 6, levelDbc: -15 }]);

/** Modem n's row on node 1000.2 with these coefficients on both its upstreams (CMTS ifIndexes 2001, 2002). */
const rowWithPreEq = (n: number, eqData: string, patch: Parameters<typeof cmtsRow>[0] = {}): CmtsModemRow =>
  row(n, {
    upstream: [cmtsUpstream(1, { ifIndex: 2001, eqData }), cmtsUpstream(2, { ifIndex: 2002, eqData })],
    ...patch,
  });

/** A stored diagnosis of modem `id` at `observedAt`, with this pre-equalisation summary. */
function storedWith(id: string, observedAt: number, preEq: PreEqSummary): StoredReading {
  return {
    reading: textbookReading({ modemId: id, observedAt }),
    diagnosis: {
      verdict: 'TEXTBOOK_OK',
      subKinds: [],
      action: 'CHECK_CUSTOMER_EQUIPMENT',
      summary: 'fine',
      findings: [],
      notChecked: [],
      preEq,
    },
    thresholdsProfile: 'default',
  };
}

const CLEAN_SUMMARY: PreEqSummary = {
  ifIndex: 80,
  channelId: 1,
  mtrDb: 40,
  grade: 'TEXTBOOK',
  distortion: 'NONE',
  echo: null,
  shortEcho: false,
};

describe(CmtsService.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  describe('snapshot caching', () => {
    it('answers many diagnosis contexts from one walk while the snapshot is young enough', async () => {
      const { poller, addModem, sweepContext } = await setup();
      poller.plant.set(
        'cmts-1',
        [1, 2, 3, 4, 5].map((n) => row(n)),
      );

      for (const n of [1, 2, 3, 4, 5]) {
        const context = await sweepContext(await addModem(n));
        expect(context?.row?.mac).toBe(mac(n));
      }

      expect(poller.walks).toEqual(['cmts-1']);
      expect(poller.rowReads).toEqual([]);
    });

    it('walks again for a caller that wants a younger snapshot than the cached one', async () => {
      const { poller, addModem, sweepContext } = await setup();
      poller.plant.set('cmts-1', [row(1)]);
      poller.snapshotAgeMs = 30_000;
      const m = await addModem(1);

      await sweepContext(m);
      await sweepContext(m, 60_000);
      expect(poller.walks).toHaveLength(1);

      await sweepContext(m, 10_000);
      expect(poller.walks).toHaveLength(2);
    });

    it('never reuses a snapshot older than CMTS_SNAPSHOT_TTL_SEC, whatever the caller allows', async () => {
      const { poller, addModem, sweepContext } = await setup({ CMTS_SNAPSHOT_TTL_SEC: '20' });
      poller.plant.set('cmts-1', [row(1)]);
      poller.snapshotAgeMs = 30_000;
      const m = await addModem(1);

      await sweepContext(m);
      await sweepContext(m, 3_600_000);

      expect(poller.walks).toHaveLength(2);
    });

    it('forgets the snapshot of a CMTS whose record is replaced', async () => {
      const { poller, service, addModem, sweepContext } = await setup();
      poller.plant.set('cmts-1', [row(1)]);
      const m = await addModem(1);
      await sweepContext(m);

      await service.put('cmts-1', { host: '10.9.0.2', snmp: SNMP });
      await sweepContext(m);

      expect(poller.walks).toHaveLength(2);
    });
  });

  describe('single flight', () => {
    it('shares one walk among concurrent callers, one walk per CMTS', async () => {
      const { service, poller, addModem, sweepContext } = await setup();
      await service.put('cmts-2', { host: '10.9.0.2', snmp: SNMP });
      poller.plant.set(
        'cmts-1',
        [1, 2, 3].map((n) => row(n)),
      );
      poller.plant.set('cmts-2', [row(4)]);
      const onOne = await Promise.all([1, 2, 3].map((n) => addModem(n)));
      const onTwo = await addModem(4, { cmtsId: 'cmts-2', membership: undefined });
      poller.gate.hold();

      const contexts = Promise.all([...onOne, onTwo, ...onOne].map((m) => sweepContext(m, 0)));
      await poller.gate.started(2);
      poller.gate.release();

      expect((await contexts).map((c) => c?.row?.mac)).toEqual([1, 2, 3, 4, 1, 2, 3].map(mac));
      expect([...poller.walks].sort()).toEqual(['cmts-1', 'cmts-2']);
    });

    it('shares an unanswered walk too, and caches no failure', async () => {
      const { service, cmtses, poller } = await setup();
      const record = (await cmtses.getCmts('cmts-1'))!;
      poller.gate.hold();

      const snapshots = Promise.all([service.snapshot(record, 0), service.snapshot(record, 0)]);
      await poller.gate.started(1);
      poller.gate.release();

      expect((await snapshots).map((s) => s.reachable)).toEqual([false, false]);
      expect(poller.walks).toEqual(['cmts-1']);
      await service.snapshot(record, 60_000);
      expect(poller.walks).toEqual(['cmts-1', 'cmts-1']);
    });
  });

  describe("the modem's own row (refreshRow)", () => {
    it('re-reads the row with one GET, and keeps the snapshot when the row still agrees', async () => {
      const { service, poller, addModem } = await setup();
      poller.plant.set('cmts-1', [row(1), row(2)]);
      poller.snapshotAgeMs = 1_000;
      const m = await addModem(1);

      await service.context(m, { refreshRow: true });
      const context = await service.context(m, { refreshRow: true });

      expect(poller.walks).toEqual(['cmts-1']);
      expect(poller.rowReads).toEqual([mac(1), mac(1)]);
      expect(context?.row?.state.online).toBe(true);
    });

    it('walks the CMTS once more when the row no longer agrees with the snapshot', async () => {
      const { service, poller, addModem } = await setup();
      poller.plant.set('cmts-1', [row(1), row(2)]);
      poller.snapshotAgeMs = 1_000;
      const m = await addModem(1);
      await service.context(m, { refreshRow: true });
      expect(poller.walks).toHaveLength(1);

      // The modem and its neighbour went offline since that walk.
      poller.plant.set('cmts-1', [row(1, { regState: 1 }), row(2, { regState: 1 })]);
      const context = await service.context(m, { refreshRow: true });

      expect(poller.walks).toHaveLength(2);
      expect(context?.row?.state).toMatchObject({ online: false, name: 'other' });
      expect(context?.neighbourhood).toMatchObject({ others: 1, othersOffline: 1 });
    });

    it('keeps the cached row when the GET fails, and never re-reads in sweeps', async () => {
      const { service, poller, addModem, sweepContext } = await setup();
      poller.plant.set('cmts-1', [row(1)]);
      poller.snapshotAgeMs = 1_000;
      const m = await addModem(1);
      jest.spyOn(poller, 'row').mockRejectedValueOnce(new Error('timeout'));

      expect((await service.context(m, { refreshRow: true }))?.row?.state.online).toBe(true);
      await sweepContext(m);

      expect(poller.walks).toHaveLength(1);
      expect(poller.row).toHaveBeenCalledTimes(1);
    });
  });

  describe('a CMTS that does not answer', () => {
    it('gives no context, and is walked again on the next diagnosis', async () => {
      const { poller, addModem, sweepContext } = await setup();
      const m = await addModem(1);

      expect(await sweepContext(m)).toBeUndefined();
      expect(await sweepContext(m)).toBeUndefined();

      expect(poller.walks).toEqual(['cmts-1', 'cmts-1']);
    });

    it('fails a discovery with CmtsUnreachableError and records nothing', async () => {
      const { service, poller } = await setup();

      await expect(service.discover('cmts-1')).rejects.toThrow(
        new CmtsUnreachableError('CMTS cmts-1 did not answer: timeout'),
      );
      expect((await service.get('cmts-1')).modemTables).toBeNull();
      expect(poller.walks).toEqual(['cmts-1']);
    });

    it('lets discoverAll go on with the next CMTS', async () => {
      const { service, poller } = await setup();
      await service.put('cmts-2', { host: '10.9.0.2', snmp: SNMP });
      poller.plant.set('cmts-2', [row(1)]);

      await service.discoverAll();

      expect(poller.walks).toEqual(['cmts-1', 'cmts-2']);
      expect((await service.get('cmts-2')).modemTables).toBe('docsIf3');
    });

    it('gives no context for a modem without a CMTS or MAC, without walking', async () => {
      const { poller, addModem, sweepContext } = await setup();
      poller.plant.set('cmts-1', [row(1)]);

      expect(await sweepContext(await addModem(1, { mac: undefined }))).toBeUndefined();
      expect(await sweepContext(await addModem(2, { cmtsId: undefined }))).toBeUndefined();
      expect(await sweepContext(await addModem(3, { cmtsId: 'cmts-unknown' }))).toBeUndefined();
      expect(poller.walks).toEqual([]);
    });
  });

  describe('discovery', () => {
    it('records every known modem’s node, creates modems with the CMTS defaults, counts the rest unmatched', async () => {
      const { service, modems, poller, addModem } = await setup();
      await service.put('cmts-1', {
        host: '10.9.0.1',
        snmp: SNMP,
        modemDefaults: { snmp: { version: '2c', community: 'modems' } },
      });
      await addModem(1, { membership: undefined });
      poller.plant.set('cmts-1', [
        row(1),
        row(2),
        // No service group id: a node of upstream channels; and no IP to poll it at.
        row(3, { ipv4: null, sgId: null, upstream: [cmtsUpstream(2), cmtsUpstream(1)] }),
      ]);

      const result = await service.discover('cmts-1');

      expect(result).toMatchObject({
        cmtsId: 'cmts-1',
        rows: 3,
        updated: 1,
        created: 1,
        unmatched: 1,
        groups: 2,
        modemTables: 'docsIf3',
        missingObjects: [],
      });
      expect(result.warnings).toEqual([expect.stringContaining('1 of 3 modems have no service group id')]);
      expect(await modems.groupMembers('cmts-1', '1000.2')).toEqual(['cm-001dd1000002', 'cm-1']);
      expect(await modems.getModem('cm-001dd1000002')).toMatchObject({
        host: '10.1.0.2',
        port: 161,
        snmp: { community: 'modems' },
        mac: mac(2),
        cmtsId: 'cmts-1',
        membership: { cmtsId: 'cmts-1', mdIfIndex: 1000, sgId: 2, regId: 2 },
      });
      expect((await modems.getModem('cm-1'))?.membership).toMatchObject({
        mdIfIndex: 1000,
        sgId: 2,
        regId: 1,
      });
      expect(await service.get('cmts-1')).toMatchObject({ modemTables: 'docsIf3', missingObjects: [] });
    });

    it('leaves unknown modems unmatched on a CMTS without modem defaults', async () => {
      const { service, modems, poller } = await setup();
      poller.plant.set('cmts-1', [row(1), row(2)]);

      expect(await service.discover('cmts-1')).toMatchObject({
        rows: 2,
        updated: 0,
        created: 0,
        unmatched: 2,
      });
      expect((await modems.listModems(0, 10)).total).toBe(0);
    });

    it('walks even with a young snapshot cached, and its walk then serves the diagnoses', async () => {
      const { service, poller, addModem, sweepContext } = await setup();
      poller.plant.set('cmts-1', [row(1)]);
      // A snapshot of this very millisecond would count as walked now.
      poller.snapshotAgeMs = 1;
      const m = await addModem(1);
      await sweepContext(m);

      await service.discover('cmts-1');
      await sweepContext(m);

      expect(poller.walks).toEqual(['cmts-1', 'cmts-1']);
    });

    it('warns about a blind CMTS, whose contexts carry no row and no node', async () => {
      const { service, poller, addModem, sweepContext } = await setup();
      poller.plant.set('cmts-1', []);
      poller.tables.set('cmts-1', { modemTables: 'none', missing: ['docsIf3CmtsCmRegStatusTable'] });

      const result = await service.discover('cmts-1');
      const context = await sweepContext(await addModem(1));

      expect(result.warnings).toEqual([expect.stringContaining('cmts-1 exposes no modem table')]);
      expect(context).toMatchObject({ row: null, neighbourhood: null, modemTables: 'none' });
    });
  });

  describe('the neighbourhood', () => {
    it('counts the node’s rows and its members whose rows vanished, reading the member list once per snapshot', async () => {
      const { modems, poller, addModem, sweepContext } = await setup();
      const self = await addModem(1);
      await addModem(2);
      await addModem(3);
      await addModem(4); // a member whose row vanished (node outage)
      await addModem(5, { membership: { cmtsId: 'cmts-1', mdIfIndex: 1000, sgId: 7, regId: 5, seenAt: 0 } });
      poller.plant.set('cmts-1', [
        row(1),
        row(2),
        row(3, { regState: 1 }),
        row(6), // not in the inventory
        row(5, { sgId: 7 }), // another node
      ]);
      const groupMembers = jest.spyOn(modems, 'groupMembers');

      const first = await sweepContext(self);
      const second = await sweepContext(self);

      expect(first?.neighbourhood).toMatchObject({
        groupKey: '1000.2',
        others: 4,
        othersOffline: 2,
        notInInventory: 1,
      });
      expect(second?.neighbourhood).toEqual(first?.neighbourhood);
      expect(groupMembers).toHaveBeenCalledTimes(1);
      expect(poller.walks).toHaveLength(1);
    });

    it('gives the neighbours’ pre-equalisation from their latest diagnoses, by default none from the CMTS', async () => {
      const { poller, readings, addModem, sweepContext } = await setup();
      const self = await addModem(1);
      await addModem(2);
      await addModem(3);
      poller.plant.set(
        'cmts-1',
        [1, 2, 3].map((n) => rowWithPreEq(n, TAP_ECHO_HEX)),
      );
      await readings.saveReading(storedWith('cm-2', 1, CLEAN_SUMMARY), { at: 1, reachable: true }, null);

      const context = await sweepContext(self);

      expect(poller.walkOptions).toEqual([{ usEqData: false }]);
      expect(context?.neighbourhood?.preEq).toEqual([
        { ...CLEAN_SUMMARY, modemId: 'cm-2', at: 1, source: 'modem' },
      ]);
    });

    it('moves a modem the CMTS shows in another node there', async () => {
      const { modems, poller, addModem, sweepContext } = await setup();
      const m = await addModem(1);
      poller.plant.set('cmts-1', [row(1, { sgId: 7 })]);

      const context = await sweepContext(m);

      expect(context?.neighbourhood?.groupKey).toBe('1000.7');
      expect((await modems.getModem('cm-1'))?.membership).toMatchObject({ mdIfIndex: 1000, sgId: 7 });
      expect(await modems.groupMembers('cmts-1', '1000.2')).toEqual([]);
    });
  });

  describe('pre-equalisation from the CMTS (usEqData coefficients)', () => {
    const CHANNELS = [
      { ifIndex: 2001, channelId: 1, widthHz: 6_400_000 },
      { ifIndex: 2002, channelId: 2, widthHz: 6_400_000 },
    ];

    async function onCoefficients() {
      const s = await setup();
      await s.service.put('cmts-1', { host: '10.9.0.1', snmp: SNMP, usEqData: 'coefficients' });
      s.poller.upstreamChannels.set('cmts-1', CHANNELS);
      return s;
    }

    it('is off by default and shows on the record as set', async () => {
      const { service } = await setup();
      expect((await service.get('cmts-1')).usEqData).toBe('off');
      await service.put('cmts-1', { host: '10.9.0.1', snmp: SNMP, usEqData: 'coefficients' });
      expect((await service.get('cmts-1')).usEqData).toBe('coefficients');
    });

    it('walks the coefficients, and gives neighbours never diagnosed a summary from them', async () => {
      const { poller, addModem, sweepContext } = await onCoefficients();
      const self = await addModem(1);
      await addModem(2);
      await addModem(3);
      poller.plant.set('cmts-1', [
        rowWithPreEq(1, TAP_ECHO_HEX),
        rowWithPreEq(2, TAP_ECHO_HEX),
        rowWithPreEq(3, CLEAN_PRE_EQ_HEX),
      ]);

      const n = (await sweepContext(self))?.neighbourhood;

      expect(poller.walkOptions).toEqual([{ usEqData: true }]);
      expect(n?.preEq?.map((p) => [p.modemId, p.source, p.at, p.grade])).toEqual([
        ['cm-2', 'cmts', n?.observedAt, 'FAULT'],
        ['cm-3', 'cmts', n?.observedAt, 'TEXTBOOK'],
      ]);
      const echo = n?.preEq?.[0];
      // The CMTS's upstream and the channel id it gives; the distance from its channel width.
      expect(echo).toEqual(expect.objectContaining({ ifIndex: 2001, channelId: 1 }));
      expect(echo?.echo?.distanceM).toBeCloseTo(6 * 25.47, 0);
    });

    it('a neighbour’s own diagnosis newer than the snapshot wins; an older one gives way to the CMTS', async () => {
      const { poller, readings, addModem, sweepContext } = await onCoefficients();
      poller.snapshotAgeMs = 60_000;
      const self = await addModem(1);
      await addModem(2);
      await addModem(3);
      poller.plant.set(
        'cmts-1',
        [1, 2, 3].map((n) => rowWithPreEq(n, TAP_ECHO_HEX)),
      );
      const now = Date.now();
      await readings.saveReading(storedWith('cm-2', now, CLEAN_SUMMARY), { at: now, reachable: true }, null);
      const old = now - 3_600_000;
      await readings.saveReading(storedWith('cm-3', old, CLEAN_SUMMARY), { at: old, reachable: true }, null);

      const preEq = (await sweepContext(self))?.neighbourhood?.preEq;

      expect(preEq?.map((p) => [p.modemId, p.source, p.grade])).toEqual([
        ['cm-2', 'modem', 'TEXTBOOK'],
        ['cm-3', 'cmts', 'FAULT'],
      ]);
    });

    it('leaves out modems offline at the CMTS and values that do not decode', async () => {
      const { poller, addModem, sweepContext } = await onCoefficients();
      const self = await addModem(1);
      await addModem(2);
      await addModem(3);
      poller.plant.set('cmts-1', [
        rowWithPreEq(1, TAP_ECHO_HEX),
        rowWithPreEq(2, TAP_ECHO_HEX, { regState: 1 }),
        rowWithPreEq(3, '0801'),
      ]);

      expect((await sweepContext(self))?.neighbourhood?.preEq).toBeUndefined();
    });

    it('analyses each modem’s coefficients once per snapshot, whichever of the node is diagnosed', async () => {
      const { poller, addModem, sweepContext } = await onCoefficients();
      const node = await Promise.all([1, 2, 3, 4].map((n) => addModem(n)));
      poller.plant.set(
        'cmts-1',
        [1, 2, 3, 4].map((n) => rowWithPreEq(n, TAP_ECHO_HEX)),
      );
      const analyse = jest.mocked(cmtsPreEq.cmtsPreEqSummary);
      analyse.mockClear();
      for (const m of node) {
        expect((await sweepContext(m))?.neighbourhood?.preEq).toHaveLength(3);
      }
      expect(analyse).toHaveBeenCalledTimes(4);
    });

    it('walks again when the record is switched off, and the coefficients are gone with that snapshot', async () => {
      const { service, poller, addModem, sweepContext } = await onCoefficients();
      const self = await addModem(1);
      await addModem(2);
      poller.plant.set(
        'cmts-1',
        [1, 2].map((n) => rowWithPreEq(n, TAP_ECHO_HEX)),
      );
      expect((await sweepContext(self))?.neighbourhood?.preEq).toHaveLength(1);

      await service.put('cmts-1', { host: '10.9.0.1', snmp: SNMP, usEqData: 'off' });

      expect((await sweepContext(self))?.neighbourhood?.preEq).toBeUndefined();
      expect(poller.walkOptions).toEqual([{ usEqData: true }, { usEqData: false }]);
    });

    it('warns at discovery when the CMTS gives no coefficients although the record asks for them', async () => {
      const { service, poller, addModem } = await onCoefficients();
      await addModem(1);
      poller.plant.set('cmts-1', [row(1)]);
      poller.tables.set('cmts-1', {
        modemTables: 'rfc4546',
        missing: ['docsIf3CmtsCmRegStatusTable', 'docsIf3CmtsCmUsStatusTable', 'docsIf3CmtsCmUsStatusEqData'],
      });

      const result = await service.discover('cmts-1');

      expect(result.missingObjects).toContain('docsIf3CmtsCmUsStatusEqData');
      expect(result.warnings).toEqual(
        expect.arrayContaining([
          'cmts-1 gave no rows in docsIf3CmtsCmRegStatusTable, docsIf3CmtsCmUsStatusTable; those objects are not read.',
          expect.stringMatching(
            /^cmts-1 gave no rows in docsIf3CmtsCmUsStatusEqData, which its record asks for .*only from their own checks\.$/,
          ),
        ]),
      );
    });
  });
});
