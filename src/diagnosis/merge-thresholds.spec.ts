import { mergeThresholds } from './merge-thresholds';
import { DEFAULT_THRESHOLDS } from '../domain/thresholds';

describe('mergeThresholds', () => {
  it('returns an equal copy for an empty or missing override', () => {
    for (const override of [undefined, {}]) {
      const merged = mergeThresholds(DEFAULT_THRESHOLDS, override);
      expect(merged).toEqual(DEFAULT_THRESHOLDS);
      expect(merged).not.toBe(DEFAULT_THRESHOLDS);
      expect(merged.dsPower).not.toBe(DEFAULT_THRESHOLDS.dsPower);
    }
  });

  it('deep-merges nested values and keeps the rest', () => {
    const before = structuredClone(DEFAULT_THRESHOLDS);
    const merged = mergeThresholds(
      DEFAULT_THRESHOLDS,
      JSON.parse(
        '{"name":"annex-a","dsPower":{"textbookMin":-8},"usTxPower":{"docsis30Pmax":{"5":47}},"flapping":{"reboots":4}}',
      ),
    );
    expect(merged.name).toBe('annex-a');
    expect(merged.dsPower).toEqual({ textbookMin: -8, textbookMax: 10, marginalMin: -15, marginalMax: 15 });
    expect(merged.usTxPower.docsis30Pmax).toEqual({ '1': 57, '2': 54, '3': 51, '4': 51, '5': 47 });
    expect(merged.usTxPower.lowMarginal).toBe(35);
    expect(merged.flapping).toEqual({ reboots: 4, reinits: 3, windowHours: 24 });
    expect(merged.dsSnr).toEqual(DEFAULT_THRESHOLDS.dsSnr);
    expect(DEFAULT_THRESHOLDS).toEqual(before);
  });

  it.each`
    override                                        | message
    ${{ dsPower: { textbookMin: '-8' } }}           | ${'dsPower.textbookMin must be a number (got a string)'}
    ${{ dsPower: { textbookMin: null } }}           | ${'dsPower.textbookMin must be a number (got null)'}
    ${{ dsPower: { textbookMin: Number.NaN } }}     | ${'dsPower.textbookMin must be a number (got NaN)'}
    ${{ dsPower: { textbookMin: Infinity } }}       | ${'dsPower.textbookMin must be a number (got Infinity)'}
    ${{ foo: 1 }}                                   | ${'unknown key foo'}
    ${{ foo: { bar: 1 } }}                          | ${'unknown key foo'}
    ${{ dsPower: { bar: 1 } }}                      | ${'unknown key dsPower.bar'}
    ${{ dsSnr: { qam256: { textbok: 33 } } }}       | ${'unknown key dsSnr.qam256.textbok'}
    ${{ dsPower: 5 }}                               | ${'dsPower must be an object (got a number)'}
    ${{ dsPower: [1, 2] }}                          | ${'dsPower must be an object (got an array)'}
    ${{ name: 7 }}                                  | ${'name must be a string (got a number)'}
    ${{ usTxPower: { docsis30Pmax: { '6': 45 } } }} | ${'unknown key usTxPower.docsis30Pmax.6'}
  `('rejects $override: $message', ({ override, message }) => {
    expect(() => mergeThresholds(DEFAULT_THRESHOLDS, override)).toThrow(
      new Error(`Invalid thresholds override: ${message}`),
    );
  });

  it('names every bad path in one error', () => {
    const override = { foo: { bar: 1 }, dsPower: { textbookMin: 'x', nope: 2 }, timeouts: { t3Fault: true } };
    expect(() => mergeThresholds(DEFAULT_THRESHOLDS, override)).toThrow(
      'Invalid thresholds override: unknown key foo; dsPower.textbookMin must be a number (got a string); ' +
        'unknown key dsPower.nope; timeouts.t3Fault must be a number (got a boolean)',
    );
  });

  it.each([null, 5, 'x', [1]])('rejects a non-object override %j', (override) => {
    expect(() => mergeThresholds(DEFAULT_THRESHOLDS, override)).toThrow(/the override must be an object/);
  });

  it('treats prototype keys as unknown and does not pollute prototypes', () => {
    const override: unknown = JSON.parse('{"__proto__":{"polluted":1},"dsPower":{"constructor":1}}');
    expect(() => mergeThresholds(DEFAULT_THRESHOLDS, override)).toThrow(
      'Invalid thresholds override: unknown key __proto__; unknown key dsPower.constructor',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
