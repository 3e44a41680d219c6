import { groupedBy, groupKey } from './modem-record';

describe('groupKey', () => {
  it('is <MdIfIndex>.<MdCmSgId> for a service group', () => {
    expect(groupKey({ mdIfIndex: 1000, sgId: 2 })).toBe('1000.2');
    expect(groupKey({ mdIfIndex: 1000, sgId: 2, usIfIndexes: [2001, 2002] })).toBe('1000.2');
    expect(groupedBy('1000.2')).toBe('serviceGroup');
  });

  it('without a service group id (0 = unknown) is the set of upstream channels, in a form of its own', () => {
    const key = groupKey({ mdIfIndex: 0, sgId: 0, usIfIndexes: [2003, 2001, 2003] });
    expect(key).toBe('us:2001+2003');
    expect(groupedBy(key)).toBe('upstreamChannels');
    expect(groupKey({ mdIfIndex: 1000, sgId: 0, usIfIndexes: [2001] })).toBe('us:2001');
  });

  it('the same upstream channels in another order are the same node', () => {
    expect(groupKey({ mdIfIndex: 0, sgId: 0, usIfIndexes: [2002, 2001] })).toBe(
      groupKey({ mdIfIndex: 0, sgId: 0, usIfIndexes: [2001, 2002] }),
    );
  });

  it('with neither a service group nor upstream channels it stays the (unknown) service group key', () => {
    expect(groupKey({ mdIfIndex: 1000, sgId: 0, usIfIndexes: [] })).toBe('1000.0');
  });
});
