import { DB_LIMIT } from './decibels';
import { estimateNominalAmplitude } from './nominal-amplitude';
import { preEqMetrics, tapLevelsDbc } from './tap-metrics';
import { tapsWith } from './test-taps.factory';

const db = (ratio: number) => 10 * Math.log10(ratio);

describe('preEqMetrics', () => {
  // Main tap 8 = 1000 (E 1,000,000); tap 7 = 30+40j (E 2,500); tap 9 = 0+100j (E 10,000); tap 12 = -60+80j
  // (E 10,000). PreMTE 2,500, PostMTE 20,000, TTE 1,022,500.
  const impaired = tapsWith({ 7: [30, 40], 8: [1000, 0], 9: [0, 100], 12: [-60, 80] });

  it.each`
    metric           | expected
    ${'mte'}         | ${1_000_000}
    ${'preMte'}      | ${2_500}
    ${'postMte'}     | ${20_000}
    ${'tte'}         | ${1_022_500}
    ${'mtcDb'}       | ${db(1_022_500 / 1_000_000)}
    ${'mtrDb'}       | ${db(1_000_000 / 22_500)}
    ${'nmterDb'}     | ${db(22_500 / 1_022_500)}
    ${'preMtterDb'}  | ${db(2_500 / 1_022_500)}
    ${'postMtterDb'} | ${db(20_000 / 1_022_500)}
    ${'ppesrDb'}     | ${db(20_000 / 2_500)}
    ${'pptsrDb'}     | ${db(10_000 / 2_500)}
  `('$metric of a hand-made vector is $expected', ({ metric, expected }) => {
    expect(preEqMetrics(impaired, 8)[metric as keyof ReturnType<typeof preEqMetrics>]).toBeCloseTo(
      expected,
      9,
    );
  });

  it('reads the values a hand computation gives (MTC 0.097, MTR 16.48, NMTER -16.58, PPESR 9.03 dB)', () => {
    const m = preEqMetrics(impaired, 8);
    expect([m.mtcDb, m.mtrDb, m.nmterDb, m.preMtterDb, m.postMtterDb, m.ppesrDb, m.pptsrDb]).toEqual(
      [0.0966, 16.478, -16.575, -26.117, -17.086, 9.031, 6.021].map((v) => expect.closeTo(v, 3)),
    );
  });

  it('pins ratios with an empty side to the limit, and 0/0 to 0 dB (a main tap alone)', () => {
    expect(preEqMetrics(tapsWith({ 8: [2047, 0] }), 8)).toEqual({
      mte: 2047 ** 2,
      preMte: 0,
      postMte: 0,
      tte: 2047 ** 2,
      mtcDb: 0,
      mtrDb: DB_LIMIT,
      nmterDb: -DB_LIMIT,
      preMtterDb: -DB_LIMIT,
      postMtterDb: -DB_LIMIT,
      ppesrDb: 0,
      pptsrDb: 0,
    });
  });

  it.each`
    mainTap | why
    ${1}    | ${'no tap before it'}
    ${24}   | ${'no tap after it'}
  `('has no PPTSR with the main tap at $mainTap ($why)', ({ mainTap }) => {
    const taps = tapsWith({ [mainTap]: [1000, 0], 12: [10, 0] });
    expect(preEqMetrics(taps, mainTap).pptsrDb).toBeNull();
  });

  it('measures only the forward taps it is given, around the main tap it is told', () => {
    const m = preEqMetrics(tapsWith({ 1: [100, 0], 4: [1000, 0] }, 4), 4);
    expect(m.preMte).toBe(10_000);
    expect(m.postMte).toBe(0);
  });
});

describe('tapLevelsDbc', () => {
  it('gives each tap relative to the main tap', () => {
    const levels = tapLevelsDbc(tapsWith({ 7: [30, 40], 8: [1000, 0], 9: [0, 100] }, 9), 8);
    expect(levels).toEqual([-100, -100, -100, -100, -100, -100, db(2_500 / 1e6), 0, db(1e4 / 1e6)]);
  });
});

describe('estimateNominalAmplitude', () => {
  it.each`
    rootTte  | encoding   | nominal
    ${511}   | ${'int12'} | ${511}
    ${1023}  | ${'int12'} | ${1023}
    ${2047}  | ${'int12'} | ${2047}
    ${2047}  | ${'int16'} | ${2047}
    ${32767} | ${'int16'} | ${32767}
    ${1900}  | ${'int16'} | ${2047}
    ${2150}  | ${'int16'} | ${2047}
    ${1440}  | ${'int16'} | ${1023}
    ${1450}  | ${'int16'} | ${2047}
    ${31000} | ${'int16'} | ${32767}
    ${4000}  | ${'int12'} | ${2047}
    ${100}   | ${'int16'} | ${255}
  `('reads √TTE $rootTte ($encoding) as $nominal', ({ rootTte, encoding, nominal }) => {
    expect(estimateNominalAmplitude(rootTte ** 2, encoding)).toBe(nominal);
  });

  it('finds the scale of a compressed main tap with echoes', () => {
    // 1900 + 400 + 300j: √TTE = √(3,610,000 + 160,000 + 90,000) ≈ 1965, nearest 2047.
    const m = preEqMetrics(tapsWith({ 8: [1900, 0], 10: [400, 0], 11: [0, 300] }), 8);
    expect(estimateNominalAmplitude(m.tte, 'int16')).toBe(2047);
  });
});
