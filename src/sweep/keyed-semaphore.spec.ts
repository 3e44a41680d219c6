import { KeyedSemaphore } from './keyed-semaphore';

describe(KeyedSemaphore.name, () => {
  it('lets at most `limit` holders in per key and hands slots over in order', async () => {
    const sut = new KeyedSemaphore(2);
    const order: string[] = [];
    const a1 = await sut.acquire('a');
    const a2 = await sut.acquire('a');
    const b1 = await sut.acquire('b');
    expect(sut.inUse('a')).toBe(2);
    const third = sut.acquire('a').then((release) => {
      order.push('a3');
      return release;
    });
    const fourth = sut.acquire('a').then((release) => {
      order.push('a4');
      return release;
    });
    await Promise.resolve();
    expect(order).toEqual([]);
    a1();
    a1();
    const a3 = await third;
    expect(order).toEqual(['a3']);
    expect(sut.inUse('a')).toBe(2);
    a2();
    const a4 = await fourth;
    expect(order).toEqual(['a3', 'a4']);
    a3();
    a4();
    b1();
    expect(sut.inUse('a')).toBe(0);
    expect(sut.inUse('b')).toBe(0);
  });
});
