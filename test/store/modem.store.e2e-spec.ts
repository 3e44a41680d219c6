import type { ModemRecord } from '../../src/domain/modem-record';
import type { ModemStore } from '../../src/inventory/modem.store';
import { MemoryModemStore } from '../../src/store/memory/memory-modem.store';
import { RedisModemStore } from '../../src/store/redis/redis-modem.store';
import { BACKENDS, record, type Backend } from './store-fixtures';

describe.each(BACKENDS)('ModemStore contract (%s)', (_kind, open) => {
  let backend: Backend;
  let store: ModemStore;

  beforeEach(async () => {
    backend = await open();
    store = backend.space ? new RedisModemStore(backend.space) : new MemoryModemStore();
  });
  afterEach(() => backend.close());

  it('keeps modem records, lists them in id order with paging, deletes them', async () => {
    for (const id of ['c', 'a', 'b']) {
      await store.putModem(record(id));
    }
    expect(await store.getModem('a')).toEqual(record('a'));
    expect(await store.getModem('zz')).toBeNull();
    const page = await store.listModems(1, 1);
    expect(page.total).toBe(3);
    expect(page.items.map((m) => m.id)).toEqual(['b']);
    expect(await store.deleteModem('b')).toBe(true);
    expect(await store.deleteModem('b')).toBe(false);
    expect((await store.listModems(0, 10)).items.map((m) => m.id)).toEqual(['a', 'c']);
  });

  it('indexes modems by customer number and keeps the index through updates and deletes', async () => {
    const withCustomer = (id: string, customerNumber: string): ModemRecord => ({
      ...record(id),
      customer: { customerNumber, fullName: 'Jan Iksiński', address: 'Długa 5/12' },
    });
    await store.putModem(withCustomer('c1', 'C100'));
    await store.putModem(withCustomer('c2', 'C100'));
    expect(await store.modemIdsByCustomer('C100')).toEqual(['c1', 'c2']);
    await store.putModem(withCustomer('c2', 'C200'));
    expect(await store.modemIdsByCustomer('C100')).toEqual(['c1']);
    expect(await store.modemIdsByCustomer('C200')).toEqual(['c2']);
    await store.deleteModem('c1');
    expect(await store.modemIdsByCustomer('C100')).toEqual([]);
  });

  it('keeps a customer’s services as written, and a record without them without them (not known)', async () => {
    const withServices: ModemRecord = {
      ...record('s1'),
      customer: { customerNumber: 'C300', fullName: 'Ewa Nowak', services: ['internet', 'phone'] },
    };
    await store.putModem(withServices);
    expect(await store.getModem('s1')).toEqual(withServices);
    await store.putModem({ ...record('s2'), customer: { customerNumber: 'C300', fullName: 'Ewa Nowak' } });
    const [s1, s2] = await store.getModems(['s1', 's2']);
    expect(s1.customer?.services).toEqual(['internet', 'phone']);
    expect(s2.customer).not.toHaveProperty('services');
  });

  it('indexes modems by MAC and by last known service group, and follows them when they move', async () => {
    const membership = { cmtsId: 'c1', mdIfIndex: 1000, sgId: 2, regId: 7, seenAt: 1 };
    await store.putModem({ ...record('n1'), mac: '00:1d:cd:00:00:01', membership });
    await store.putModem({ ...record('n2'), mac: '00:1d:cd:00:00:02', membership });
    expect(await store.modemIdByMac('00:1d:cd:00:00:02')).toBe('n2');
    expect(await store.groupMembers('c1', '1000.2')).toEqual(['n1', 'n2']);
    expect(await store.groups('c1')).toEqual(['1000.2']);
    expect((await store.getModems(['n2', 'zz', 'n1'])).map((m) => m.id)).toEqual(['n2', 'n1']);

    await store.putModem({
      ...record('n2'),
      mac: '00:1d:cd:00:00:03',
      membership: { ...membership, sgId: 3 },
    });
    expect(await store.modemIdByMac('00:1d:cd:00:00:02')).toBeNull();
    expect(await store.modemIdByMac('00:1d:cd:00:00:03')).toBe('n2');
    expect(await store.groupMembers('c1', '1000.2')).toEqual(['n1']);
    expect(await store.groups('c1')).toEqual(['1000.2', '1000.3']);

    await store.deleteModem('n1');
    expect(await store.groupMembers('c1', '1000.2')).toEqual([]);
    expect(await store.modemIdByMac('00:1d:cd:00:00:01')).toBeNull();
    expect(await store.groups('c1')).toEqual(['1000.3']);
  });
});
