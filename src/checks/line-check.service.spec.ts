import type { Counter } from 'prom-client';
import { CallGate, lineCheckRig } from '../../test/support/unit-fakes';
import { NotFoundError } from '../common/app-errors';
import { LockStore } from '../common/lock.store';
import { loadConfig } from '../config/app-config';
import { cmtsRow, textbookReading, unreachableReading } from '../diagnosis/test-reading.factory';
import type { ModemRecord } from '../domain/modem-record';
import { pollBudgetMs } from '../domain/snmp-target';
import type { StoredReading } from '../readings/reading.store';
import { LineCheckService } from './line-check.service';

const MAC = '00:1d:d1:00:00:01';

/** A poll lock another instance holds: each try asks `tries` (held while the gate is), then answers `free`. */
class ContestedLockStore extends LockStore {
  readonly tries = new CallGate();
  readonly unlocks: string[] = [];
  free = false;
  /** Runs on every try, before it answers (the other instance's work while this one waits). */
  onTry: () => Promise<void> = () => Promise.resolve();

  async tryLockPoll(): Promise<boolean> {
    await this.tries.pass();
    await this.onTry();
    return this.free;
  }

  unlockPoll(modemId: string): Promise<void> {
    this.unlocks.push(modemId);
    return Promise.resolve();
  }

  claimSlot(): Promise<boolean> {
    return Promise.reject(new Error('not used by line checks'));
  }

  reserveSlots(): Promise<number> {
    return Promise.reject(new Error('not used by line checks'));
  }
}

/** LineCheckService on the in-process stores, with fake pollers for the modems and the CMTS. */
function setup(options: { env?: Record<string, string>; locks?: LockStore } = {}) {
  const config = loadConfig(options.env ?? {});
  const {
    modems,
    cmtses,
    readings,
    locks,
    modemPoller,
    cmtsPoller,
    events,
    metrics,
    checks: service,
    visits,
  } = lineCheckRig(config, options.locks);

  const addModem = async (id: string, patch: Partial<ModemRecord> = {}): Promise<ModemRecord> => {
    const record: ModemRecord = {
      id,
      host: '10.0.0.1',
      port: 161,
      snmp: { version: '2c', community: 'public' },
      createdAt: 0,
      updatedAt: 0,
      ...patch,
    };
    await modems.putModem(record);
    return record;
  };
  /** A modem behind CMTS cmts-1, whose table holds `rows` (none: the CMTS does not answer). */
  const addModemOnCmts = async (id: string, rows?: ReturnType<typeof cmtsRow>[]): Promise<ModemRecord> => {
    await cmtses.putCmts({
      id: 'cmts-1',
      host: '10.9.0.1',
      port: 161,
      snmp: { version: '2c', community: 'public' },
      setPointDbmv: 0,
      createdAt: 0,
      updatedAt: 0,
    });
    if (rows) {
      cmtsPoller.plant.set('cmts-1', rows);
    }
    return addModem(id, { mac: MAC, cmtsId: 'cmts-1' });
  };

  return {
    config,
    service,
    modemPoller,
    cmtsPoller,
    readings,
    locks,
    events,
    metrics,
    visits,
    addModem,
    addModemOnCmts,
  };
}

async function counted(counter: Counter, labels: Record<string, string>): Promise<number> {
  const { values } = await counter.get();
  return values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l))?.value ?? 0;
}

describe(LineCheckService.name, () => {
  describe('single flight', () => {
    it('answers many concurrent diagnoses of one modem with exactly one poll', async () => {
      const { service, modemPoller, addModem } = setup();
      await addModem('cm-1');
      modemPoller.gate.hold();

      const answers = Array.from({ length: 8 }, () => service.diagnosis('cm-1', 0));
      await modemPoller.gate.started(1);
      modemPoller.gate.release();
      const diagnoses = await Promise.all(answers);

      expect(modemPoller.polls).toEqual(['cm-1']);
      expect(new Set(diagnoses.map((d) => d.observedAt)).size).toBe(1);
      expect(diagnoses.every((d) => d.source === 'live' && d.verdict === 'TEXTBOOK_OK')).toBe(true);
    });

    it('polls each of several modems once when they are diagnosed concurrently', async () => {
      const { service, modemPoller, addModem } = setup();
      for (const id of ['cm-1', 'cm-2', 'cm-3']) {
        await addModem(id);
      }
      modemPoller.gate.hold();

      const answers = ['cm-1', 'cm-2', 'cm-3', 'cm-1', 'cm-2', 'cm-3'].map((id) => service.diagnosis(id, 0));
      await modemPoller.gate.started(3);
      modemPoller.gate.release();
      const diagnoses = await Promise.all(answers);

      expect([...modemPoller.polls].sort()).toEqual(['cm-1', 'cm-2', 'cm-3']);
      expect(diagnoses.map((d) => d.modemId)).toEqual(['cm-1', 'cm-2', 'cm-3', 'cm-1', 'cm-2', 'cm-3']);
    });

    it('shares a poll only while it is in flight: the next fresh diagnosis polls again', async () => {
      const { service, modemPoller, addModem } = setup();
      await addModem('cm-1');

      await service.diagnosis('cm-1', 0);
      await service.diagnosis('cm-1', 0);

      expect(modemPoller.polls).toEqual(['cm-1', 'cm-1']);
    });

    it('hands a failed store write to every waiting caller, and does not keep the failure for the next one', async () => {
      const { service, modemPoller, readings, addModem } = setup();
      await addModem('cm-1');
      const save = jest.spyOn(readings, 'saveReading').mockRejectedValueOnce(new Error('store down'));
      modemPoller.gate.hold();

      const answers = [service.diagnosis('cm-1', 0), service.diagnosis('cm-1', 0)];
      await modemPoller.gate.started(1);
      modemPoller.gate.release();

      await expect(Promise.all(answers)).rejects.toThrow('store down');
      await expect(service.diagnosis('cm-1', 0)).resolves.toMatchObject({ source: 'live' });
      expect(modemPoller.polls).toEqual(['cm-1', 'cm-1']);
      expect(save).toHaveBeenCalledTimes(2);
    });
  });

  describe('the decision log', () => {
    it('logs a line answer once per reading, and neither a sweep nor the service’s own re-polls', async () => {
      const { service, modemPoller, visits, addModem } = setup();
      await addModem('cm-1');
      const first = Date.now() - 30_000;
      modemPoller.answer = (modemId) => textbookReading({ modemId, observedAt: first });
      await service.diagnosis('cm-1', 0);
      await service.diagnosis('cm-1', 60);
      const logged = await visits.decisionsBetween(0, Date.now() + 1);
      expect(logged).toEqual([
        {
          modemId: 'cm-1',
          at: first,
          verdict: 'TEXTBOOK_OK',
          subKinds: [],
          findings: [],
          place: null,
          dispatch: { needed: false, urgency: 'NONE', skill: 'NONE', confirmed: false },
        },
      ]);

      modemPoller.answer = (modemId) => textbookReading({ modemId, observedAt: Date.now() });
      await service.diagnosis('cm-1', 0, { refreshCmtsRow: false, detail: 'fast', withDispatch: false });
      await service.diagnosis('cm-1', 0, { refreshCmtsRow: true, logDecision: false });
      expect(await visits.decisionsBetween(0, Date.now() + 1)).toHaveLength(1);
    });
  });

  describe('the cache', () => {
    it('answers from a reading young enough for maxAgeSec without polling, and polls for an older one', async () => {
      const { service, modemPoller, metrics, addModem } = setup();
      await addModem('cm-1');
      modemPoller.answer = (modemId) => textbookReading({ modemId, observedAt: Date.now() - 30_000 });
      await service.diagnosis('cm-1', 0);

      const cached = await service.diagnosis('cm-1', 60);
      expect(cached).toMatchObject({ source: 'cache', modemId: 'cm-1', verdict: 'TEXTBOOK_OK' });
      expect(cached.ageSec).toBeGreaterThanOrEqual(30);
      expect(modemPoller.polls).toEqual(['cm-1']);

      expect((await service.diagnosis('cm-1', 10)).source).toBe('live');
      expect(modemPoller.polls).toEqual(['cm-1', 'cm-1']);
      expect(await counted(metrics.diagnoses, { source: 'cache' })).toBe(1);
      expect(await counted(metrics.diagnoses, { source: 'live' })).toBe(2);
    });

    it('uses DIAGNOSIS_MAX_AGE_SEC when the caller names no age', async () => {
      const { service, modemPoller, addModem } = setup({ env: { DIAGNOSIS_MAX_AGE_SEC: '120' } });
      await addModem('cm-1');
      modemPoller.answer = (modemId) => textbookReading({ modemId, observedAt: Date.now() - 90_000 });
      await service.diagnosis('cm-1', 0);

      expect((await service.diagnosis('cm-1')).source).toBe('cache');
      expect(modemPoller.polls).toHaveLength(1);
    });

    it('polls for maxAgeSec=0 even when the stored reading was taken this instant', async () => {
      const { service, modemPoller, addModem } = setup();
      await addModem('cm-1');
      await service.diagnosis('cm-1', 0);

      expect((await service.diagnosis('cm-1', 0)).source).toBe('live');
      expect(modemPoller.polls).toEqual(['cm-1', 'cm-1']);
    });

    it('polls a modem that has no stored reading yet, whatever age is allowed', async () => {
      const { service, modemPoller, addModem } = setup();
      await addModem('cm-1');

      expect((await service.diagnosis('cm-1', 86_400)).source).toBe('live');
      expect(modemPoller.polls).toEqual(['cm-1']);
    });

    it("polls afresh for a call-centre check when the young reading is a sweep's fast one, not the other way round", async () => {
      const { service, modemPoller, addModem } = setup();
      await addModem('cm-1');
      await service.diagnosis('cm-1', 0, { refreshCmtsRow: false, detail: 'fast' });

      expect((await service.diagnosis('cm-1', 600, { refreshCmtsRow: false, detail: 'fast' })).source).toBe(
        'cache',
      );
      expect((await service.diagnosis('cm-1', 600)).source).toBe('live');
      expect((await service.diagnosis('cm-1', 600)).source).toBe('cache');
      expect((await service.diagnosis('cm-1', 600, { refreshCmtsRow: false, detail: 'fast' })).source).toBe(
        'cache',
      );
      expect(modemPoller.details).toEqual(['fast', 'full']);
    });

    it("lets a silent modem's reading answer a call-centre check: a full poll would read nothing more", async () => {
      const { service, modemPoller, addModem } = setup();
      await addModem('cm-1');
      modemPoller.answer = (modemId) => ({ ...unreachableReading(), modemId, observedAt: Date.now() });
      await service.diagnosis('cm-1', 0, { refreshCmtsRow: false, detail: 'fast' });

      expect((await service.diagnosis('cm-1', 600)).source).toBe('cache');
      expect(modemPoller.details).toEqual(['fast']);
    });

    it('refuses an unknown modem without polling', async () => {
      const { service, modemPoller } = setup();

      await expect(service.diagnosis('cm-x', 0)).rejects.toBeInstanceOf(NotFoundError);
      expect(modemPoller.polls).toEqual([]);
    });
  });

  describe('what the CMTS says', () => {
    it('does not poll a modem its CMTS shows offline: the CMTS state stands for the poll', async () => {
      const { service, modemPoller, readings, metrics, addModemOnCmts } = setup();
      await addModemOnCmts('cm-1', [cmtsRow({ mac: MAC, regState: 1 })]);
      const beforePoll = jest.fn(() => Promise.resolve());

      const d = await service.diagnosis('cm-1', 0, { refreshCmtsRow: true, beforePoll });

      expect(modemPoller.polls).toEqual([]);
      expect(modemPoller.probes).toEqual([]);
      expect(beforePoll).not.toHaveBeenCalled();
      expect(d.source).toBe('live');
      expect((await readings.latest('cm-1'))?.reading).toMatchObject({
        reachable: false,
        error: 'not polled: cmts-1 shows the modem other',
      });
      expect(await counted(metrics.polls, { outcome: 'offline_at_cmts' })).toBe(1);
    });

    it('polls a modem its CMTS shows online, after beforePoll', async () => {
      const { service, modemPoller, addModemOnCmts } = setup();
      await addModemOnCmts('cm-1', [cmtsRow({ mac: MAC, regState: 8 })]);
      const order: string[] = [];
      modemPoller.answer = (modemId) => {
        order.push('poll');
        return textbookReading({ modemId, observedAt: Date.now() });
      };

      await service.diagnosis('cm-1', 0, {
        refreshCmtsRow: true,
        beforePoll: (m) => Promise.resolve(void order.push(`beforePoll ${m.id}`)),
      });

      expect(order).toEqual(['beforePoll cm-1', 'poll']);
      expect(modemPoller.probes).toEqual([]);
    });

    it('asks a modem with no row one short probe, and polls it when it answers', async () => {
      const { service, modemPoller, addModemOnCmts } = setup({ env: { SNMP_PROBE_TIMEOUT_MS: '300' } });
      await addModemOnCmts('cm-1', [cmtsRow({ mac: '00:1d:d1:00:00:99' })]);

      await service.diagnosis('cm-1', 0);

      expect(modemPoller.probes).toEqual([{ host: '10.0.0.1', timeoutMs: 300 }]);
      expect(modemPoller.polls).toEqual(['cm-1']);
    });

    it('calls a modem with no row and no answer to the probe silent, without a full poll', async () => {
      const { service, modemPoller, readings, addModemOnCmts } = setup({
        env: { SNMP_PROBE_TIMEOUT_MS: '300' },
      });
      await addModemOnCmts('cm-1', [cmtsRow({ mac: '00:1d:d1:00:00:99' })]);
      modemPoller.answersProbe = false;

      await service.diagnosis('cm-1', 0);

      expect(modemPoller.probes).toHaveLength(1);
      expect(modemPoller.polls).toEqual([]);
      expect((await readings.latest('cm-1'))?.reading).toMatchObject({
        reachable: false,
        error: 'no registration on cmts-1, and no answer to one 300 ms try',
      });
    });

    it('polls without a probe when the CMTS has no modem table, or does not answer', async () => {
      const blind = setup();
      await blind.addModemOnCmts('cm-1', []);
      blind.cmtsPoller.tables.set('cmts-1', {
        modemTables: 'none',
        missing: ['docsIf3CmtsCmRegStatusTable'],
      });
      await blind.service.diagnosis('cm-1', 0);
      expect(blind.modemPoller.probes).toEqual([]);
      expect(blind.modemPoller.polls).toEqual(['cm-1']);

      const silent = setup();
      await silent.addModemOnCmts('cm-1');
      await silent.service.diagnosis('cm-1', 0);
      expect(silent.cmtsPoller.walks).toEqual(['cmts-1']);
      expect(silent.modemPoller.probes).toEqual([]);
      expect(silent.modemPoller.polls).toEqual(['cm-1']);
    });
  });

  describe('the poll lock across instances', () => {
    it('takes a lock for the poll and gives it back', async () => {
      const locks = new ContestedLockStore();
      locks.free = true;
      const { service, modemPoller, addModem } = setup({ locks });
      await addModem('cm-1');

      await service.diagnosis('cm-1', 0);

      expect(locks.tries.calls).toBe(1);
      expect(locks.unlocks).toEqual(['cm-1']);
      expect(modemPoller.polls).toEqual(['cm-1']);
    });

    it('while another instance holds it, takes that instance’s fresh reading instead of polling', async () => {
      const locks = new ContestedLockStore();
      const { service, modemPoller, readings, addModem } = setup({ locks });
      await addModem('cm-1');
      const theirs = (observedAt: number): StoredReading => ({
        reading: { ...unreachableReading('timeout'), modemId: 'cm-1', observedAt },
        diagnosis: {
          verdict: 'MODEM_OFFLINE',
          subKinds: [],
          action: 'ESCALATE_TO_NOC',
          summary: 'their poll',
          findings: [],
          notChecked: [],
        },
        thresholdsProfile: 'default',
      });
      locks.tries.hold();

      const answer = service.diagnosis('cm-1', 0);
      await locks.tries.started(1);
      // The other instance finishes its poll while this one waits for the lock.
      const at = Date.now();
      await readings.saveReading(theirs(at), { at, reachable: false }, null);
      locks.tries.release();

      expect(await answer).toMatchObject({ source: 'live', summary: 'their poll', verdict: 'MODEM_OFFLINE' });
      expect(modemPoller.polls).toEqual([]);
      expect(locks.unlocks).toEqual([]);
    });

    describe('with fake timers', () => {
      beforeEach(() => jest.useFakeTimers());
      afterEach(() => jest.useRealTimers());

      it('takes the fresh reading of the instance whose release let it have the lock, and gives the lock back', async () => {
        const locks = new ContestedLockStore();
        const { service, modemPoller, readings, addModem } = setup({ locks });
        await addModem('cm-1');
        const requestedAt = Date.now();
        // The other instance stores its (full) poll and releases the lock between this one's first and second try.
        const theirs: StoredReading = {
          reading: { ...textbookReading({ modemId: 'cm-1', observedAt: requestedAt }), detail: 'full' },
          diagnosis: {
            verdict: 'TEXTBOOK_OK',
            subKinds: [],
            action: 'CHECK_CUSTOMER_EQUIPMENT',
            summary: 'their poll',
            findings: [],
            notChecked: [],
          },
          thresholdsProfile: 'default',
        };
        locks.onTry = async () => {
          if (locks.tries.calls === 2) {
            await readings.saveReading(theirs, { at: requestedAt, reachable: true }, null);
            locks.free = true;
          }
        };

        const answer = service.diagnosis('cm-1', 0);
        await jest.advanceTimersByTimeAsync(200);

        expect(await answer).toMatchObject({ source: 'live', summary: 'their poll' });
        expect(locks.tries.calls).toBe(2);
        expect(modemPoller.polls).toEqual([]);
        expect(locks.unlocks).toEqual(['cm-1']);
      });

      it('waits for the lock, and polls once it is free with no fresh reading in the store', async () => {
        const locks = new ContestedLockStore();
        const { service, modemPoller, addModem } = setup({ locks });
        await addModem('cm-1');
        locks.onTry = () => Promise.resolve(void (locks.free = locks.tries.calls >= 3));

        const answer = service.diagnosis('cm-1', 0);
        for (let step = 0; step < 100 && modemPoller.polls.length === 0; step++) {
          await jest.advanceTimersByTimeAsync(50);
        }

        expect((await answer).source).toBe('live');
        expect(locks.tries.calls).toBe(3);
        expect(modemPoller.polls).toEqual(['cm-1']);
        expect(locks.unlocks).toEqual(['cm-1']);
      });

      it('polls anyway once the lock outlived its time-to-live, and leaves that lock alone', async () => {
        const locks = new ContestedLockStore();
        const { config, service, modemPoller, addModem } = setup({ locks });
        await addModem('cm-1');
        const lockTtlMs = pollBudgetMs(config.snmp) + 1000;

        const answer = service.diagnosis('cm-1', 0);
        await jest.advanceTimersByTimeAsync(lockTtlMs + 100);

        expect(modemPoller.polls).toEqual(['cm-1']);
        expect((await answer).source).toBe('live');
        expect(locks.tries.calls).toBeGreaterThan(1);
        // It never got the lock: the lock there now is another instance's, and stays.
        expect(locks.unlocks).toEqual([]);
      });
    });
  });

  describe('after a poll', () => {
    it('stores the reading with its verdict, history entry and counters, and publishes the verdict', async () => {
      const { service, readings, events, addModem } = setup();
      await addModem('cm-1', {
        cmtsId: 'cmts-1',
        membership: { cmtsId: 'cmts-1', mdIfIndex: 1000, sgId: 2, regId: 1, seenAt: 0 },
      });

      const d = await service.diagnosis('cm-1', 0);

      const stored = await readings.latest('cm-1');
      expect(stored).toMatchObject({
        reading: { modemId: 'cm-1', reachable: true },
        diagnosis: { verdict: d.verdict, summary: d.summary },
        thresholdsProfile: d.thresholdsProfile,
      });
      expect(new Date(stored!.reading.observedAt).toISOString()).toBe(d.observedAt);
      expect(await readings.history('cm-1', 0)).toEqual([
        expect.objectContaining({ at: stored!.reading.observedAt, reachable: true, verdict: d.verdict }),
      ]);
      expect(await readings.counterBaseline('cm-1', 0)).toMatchObject({ at: stored!.reading.observedAt });
      expect(events.diagnoses).toEqual([
        { modemId: 'cm-1', verdict: d.verdict, cmtsId: 'cmts-1', serviceGroupId: '1000.2' },
      ]);
    });

    it('stores an unreachable modem’s reading with no counters, and counts the outcome', async () => {
      const { service, modemPoller, readings, metrics, addModem } = setup();
      await addModem('cm-1');
      modemPoller.answer = (modemId) => ({
        ...unreachableReading('timeout'),
        modemId,
        observedAt: Date.now(),
      });

      const d = await service.diagnosis('cm-1', 0);

      expect((await readings.latest('cm-1'))?.diagnosis.verdict).toBe(d.verdict);
      expect(await readings.counterBaseline('cm-1', 0)).toBeNull();
      expect(await counted(metrics.polls, { outcome: 'unreachable' })).toBe(1);
      expect(await readings.silentModemsSince(0)).toBe(1);
    });
  });
});
