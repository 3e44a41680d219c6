import { DEFAULT_THRESHOLDS, type PreEqThresholds } from '../../domain/thresholds';
import { classifyDistortion } from './distortion';
import { gradeMainTapRatio, gradeNonMainEnergy, gradeRippleEcho } from './grades';
import { preEqMetrics, type PreEqMetrics } from './tap-metrics';
import { tapsWith } from './test-taps.factory';

const t = DEFAULT_THRESHOLDS.preEq;

function metrics(nmterDb: number, preMtterDb: number, postMtterDb: number): PreEqMetrics {
  return { ...preEqMetrics(tapsWith({ 8: [1000, 0] }), 8), nmterDb, preMtterDb, postMtterDb };
}

describe('classifyDistortion (DataMiner: NMTER gate, then PreMTTER - PostMTTER and PostMTTER)', () => {
  it.each`
    nmter    | pre    | post     | kind
    ${-30}   | ${-33} | ${-33}   | ${'NONE'}
    ${-25}   | ${-26} | ${-32}   | ${'NONE'}
    ${-20}   | ${-30} | ${-21}   | ${'MICRO_REFLECTION'}
    ${-20}   | ${-21} | ${-30}   | ${'GROUP_DELAY'}
    ${-15}   | ${-17} | ${-19}   | ${'GROUP_DELAY_AND_MICRO_REFLECTION'}
    ${-24}   | ${-27} | ${-27}   | ${'UNCLASSIFIED'}
    ${-24.9} | ${-28} | ${-25}   | ${'UNCLASSIFIED'}
    ${-24.9} | ${-28} | ${-24.9} | ${'MICRO_REFLECTION'}
  `('NMTER $nmter, PreMTTER $pre, PostMTTER $post: $kind', ({ nmter, pre, post, kind }) => {
    expect(classifyDistortion(metrics(nmter, pre, post), t)).toBe(kind);
  });

  it('takes its limits from the thresholds', () => {
    const strict: PreEqThresholds = { ...t, postMtterDb: -30, groupDelayMarginDb: 1 };
    expect(classifyDistortion(metrics(-24, -27, -27), strict)).toBe('MICRO_REFLECTION');
    expect(classifyDistortion(metrics(-20, -21, -21.5), strict)).toBe('MICRO_REFLECTION');
    expect(classifyDistortion(metrics(-30, -33, -33), { ...t, nmterMarginalDb: -35 })).toBe('UNCLASSIFIED');
  });

  it('classifies hand-made taps: an echo after the main tap, energy before it', () => {
    const echo = preEqMetrics(tapsWith({ 8: [1000, 0], 11: [150, 0] }), 8);
    const groupDelay = preEqMetrics(tapsWith({ 6: [0, 80], 7: [120, 0], 8: [1000, 0], 9: [30, 0] }), 8);
    expect(classifyDistortion(echo, t)).toBe('MICRO_REFLECTION');
    expect(classifyDistortion(groupDelay, t)).toBe('GROUP_DELAY');
  });
});

describe('grades (each limit counts as the better side)', () => {
  it.each`
    mtr     | grade
    ${40}   | ${'TEXTBOOK'}
    ${25}   | ${'TEXTBOOK'}
    ${24.9} | ${'MARGINAL'}
    ${18}   | ${'MARGINAL'}
    ${17.9} | ${'FAULT'}
  `('MTR $mtr dB is $grade', ({ mtr, grade }) => {
    expect(gradeMainTapRatio(mtr, t)).toBe(grade);
  });

  it.each`
    nmter    | grade
    ${-40}   | ${'TEXTBOOK'}
    ${-25}   | ${'TEXTBOOK'}
    ${-24.9} | ${'MARGINAL'}
    ${-18}   | ${'MARGINAL'}
    ${-17.9} | ${'FAULT'}
  `('NMTER $nmter dB is $grade', ({ nmter, grade }) => {
    expect(gradeNonMainEnergy(nmter, t)).toBe(grade);
  });

  it.each`
    echo     | grade
    ${-100}  | ${'TEXTBOOK'}
    ${-25}   | ${'TEXTBOOK'}
    ${-24.9} | ${'MARGINAL'}
    ${-18}   | ${'MARGINAL'}
    ${-17.9} | ${'FAULT'}
  `('an echo at $echo dBc from the ripple is $grade', ({ echo, grade }) => {
    expect(gradeRippleEcho(echo, t)).toBe(grade);
  });

  it('grades by the profile it is given (the "robust QAM" level: -32 / -25 dBc)', () => {
    expect(gradeRippleEcho(-30, { ...t, rippleEchoMarginalDbc: -32, rippleEchoFaultDbc: -25 })).toBe(
      'MARGINAL',
    );
  });
});
