import { parseCapture, type Capture } from '../mib/parse-capture';
import { captureModemMac, ReplayedDevice, ReplayRegistry } from './replay';

function capture(lines: string[]): Capture {
  const result = parseCapture(lines.join('\n'));
  if (!result.ok) {
    throw new Error(JSON.stringify(result.errors));
  }
  return result.capture;
}

describe('ReplayedDevice', () => {
  // Out of order on purpose: snmprec files are sorted as text, where .10 comes before .9.
  const device = new ReplayedDevice(
    'replay-x',
    'modem',
    'snmprec',
    capture([
      '1.3.6.1.2.1.2.2.1.10.1|65|7',
      '1.3.6.1.2.1.2.2.1.9.1|67|5',
      '1.3.6.1.2.1.1.3.0|67|100',
      '1.3.6.1.2.1.1.1.0|4|cm',
    ]),
  );
  const view = device.view;

  it('answers GET for captured objects only', () => {
    expect(view.get('1.3.6.1.2.1.1.3.0')).toMatchObject({ type: 'TimeTicks', value: 100 });
    expect(view.get('1.3.6.1.2.1.1.3')).toBeUndefined();
    expect(view.get('1.3.6.1.2.1.1.2.0')).toBeUndefined();
  });

  it('walks in OID order, from captured and uncaptured OIDs alike', () => {
    const order: string[] = [];
    for (let vb = view.next('1'); vb; vb = view.nextAfter!(vb)) {
      order.push(vb.oid);
    }
    expect(order).toEqual([
      '1.3.6.1.2.1.1.1.0',
      '1.3.6.1.2.1.1.3.0',
      '1.3.6.1.2.1.2.2.1.9.1',
      '1.3.6.1.2.1.2.2.1.10.1',
    ]);
    expect(view.next('1.3.6.1.2.1.1.3.0')?.oid).toBe('1.3.6.1.2.1.2.2.1.9.1');
    expect(view.next('1.3.6.1.2.1.2.2.1.9.2')?.oid).toBe('1.3.6.1.2.1.2.2.1.10.1');
    expect(view.next('1.3.6.1.2.1.2.2.1.10.1')).toBeUndefined();
  });

  it('refuses writes', () => {
    expect(view.set('1.3.6.1.2.1.1.1.0', 'OctetString', 'x')).toBe('notWritable');
    expect(view.set('1.3.6.1.2.1.1.9.0', 'OctetString', 'x')).toBe('noCreation');
  });

  it('is found by its community; other communities go to the backend behind', () => {
    const behind = new ReplayRegistry();
    behind.add(new ReplayedDevice('replay-behind', 'cmts', 'snmprec', capture(['1.3.6.1.2.1.1.5.0|4|cmts'])));
    const registry = new ReplayRegistry(behind);
    registry.add(device);
    expect(registry.viewFor('replay-x', 'v2c')).toBe(view);
    expect(registry.viewFor('replay-x', 'v3')).toBeUndefined();
    expect(registry.viewFor('replay-behind', 'v2c')?.get('1.3.6.1.2.1.1.5.0')?.value).toEqual(
      Buffer.from('cmts'),
    );
    expect(registry.viewFor('nobody', 'v2c')).toBeUndefined();
  });
});

describe('captureModemMac', () => {
  it('reads the BRIDGE-MIB self entry first', () => {
    expect(
      captureModemMac(
        capture([
          '.1.3.6.1.2.1.2.2.1.3.2 = INTEGER: 127',
          '.1.3.6.1.2.1.2.2.1.6.2 = Hex-STRING: 00 15 A4 3C 11 99',
          '.1.3.6.1.2.1.17.4.3.1.3.0.36.212.129.118.65 = INTEGER: 3',
          '.1.3.6.1.2.1.17.4.3.1.3.0.21.164.60.17.32 = INTEGER: self(4)',
        ]),
      ),
    ).toBe('00:15:a4:3c:11:20');
  });

  it('falls back to the ifPhysAddress of the cable MAC interface, and is undefined without either', () => {
    const withIf = capture([
      '.1.3.6.1.2.1.2.2.1.3.1 = INTEGER: 6',
      '.1.3.6.1.2.1.2.2.1.3.2 = INTEGER: docsCableMaclayer(127)',
      '.1.3.6.1.2.1.2.2.1.6.1 = Hex-STRING: 00 15 A4 3C 11 21',
      '.1.3.6.1.2.1.2.2.1.6.2 = Hex-STRING: 00 15 A4 3C 11 20',
    ]);
    expect(captureModemMac(withIf)).toBe('00:15:a4:3c:11:20');
    expect(captureModemMac(capture(['.1.3.6.1.2.1.1.5.0 = STRING: "cm"']))).toBeUndefined();
  });
});
