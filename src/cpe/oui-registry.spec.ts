import { friendlyName, OuiRegistry } from './oui-registry';

describe(OuiRegistry.name, () => {
  const sut = new OuiRegistry();

  it.each([
    ['14:75:90:12:34:56', 'TP-Link'],
    ['24:65:11:aa:bb:cc', 'AVM (FRITZ!Box)'],
    ['28:80:88:00:00:01', 'NETGEAR'],
    ['58:11:22:00:00:01', 'ASUS'],
    ['60:22:32:00:00:01', 'Ubiquiti'],
    ['74:12:13:00:00:01', 'Linksys'],
  ])('names the vendor of %s from the IEEE registry: %s', (mac, vendor) => {
    expect(sut.vendorOf(mac)).toBe(vendor);
  });

  it('gives null for locally administered (random) MACs and malformed input', () => {
    expect(sut.vendorOf('02:00:00:00:00:01')).toBeNull();
    expect(sut.vendorOf('da:a1:19:00:00:01')).toBeNull();
    expect(sut.vendorOf('not a mac')).toBeNull();
  });

  it('shortens company names it has no friendly name for', () => {
    expect(friendlyName('Example Widgets Inc.\n1 Main St')).toBe('Example Widgets');
    expect(friendlyName('Foo Technologies Co.,Ltd.\nSomewhere')).toBe('Foo');
  });
});
