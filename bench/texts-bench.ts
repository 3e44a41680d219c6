import { performance } from 'node:perf_hooks';
import { diagnose } from '../src/diagnosis/diagnose';
import { dsChannel, textbookReading } from '../src/diagnosis/test-reading.factory';
import { DEFAULT_THRESHOLDS } from '../src/domain/thresholds';
import { withLineTexts } from '../src/i18n/line-texts';
import { Messages } from '../src/i18n/messages';
import { arg } from './lib/pool';

// What the line answer's texts cost (issue 17): the texts are made at answer time from the machine fields, so each
// answer pays for them. One run, alternating rounds: JSON-encoding the answer alone, then making its texts in English
// and in Polish and encoding that. A textbook line and a line with 32 faulty downstream channels (the most findings a
// DOCSIS 3.0 modem gives). `npm run bench:texts -- --answers 20000 --rounds 5`.

const messages = new Messages({ defaultLanguage: 'en', timeZone: 'Europe/Warsaw' });

function answerOf(reading: ReturnType<typeof textbookReading>) {
  const d = diagnose({ reading, history: [], counterBaseline: null, thresholds: DEFAULT_THRESHOLDS });
  return { modemId: reading.modemId, ...d, devices: null, observedAt: new Date().toISOString(), ageSec: 0 };
}

function timeUs(answers: number, work: () => void): number {
  const start = performance.now();
  for (let i = 0; i < answers; i++) {
    work();
  }
  return ((performance.now() - start) * 1000) / answers;
}

function main(): void {
  const answers = arg('answers', 20_000);
  const rounds = arg('rounds', 5);
  const cases = {
    textbook: answerOf(textbookReading()),
    '32 faults': answerOf(
      textbookReading({
        downstream: Array.from({ length: 32 }, (_, i) => dsChannel(i + 1, { snrDb: 25 })),
      }),
    ),
  };
  const en = messages.in('en');
  const pl = messages.in('pl');
  for (const [name, answer] of Object.entries(cases)) {
    // Warm-up: every message compiled once, as a running service has them.
    JSON.stringify(withLineTexts(answer, en));
    JSON.stringify(withLineTexts(answer, pl));
    const sums = { json: 0, en: 0, pl: 0 };
    for (let r = 0; r < rounds; r++) {
      sums.json += timeUs(answers, () => JSON.stringify(answer));
      sums.en += timeUs(answers, () => JSON.stringify(withLineTexts(answer, en)));
      sums.pl += timeUs(answers, () => JSON.stringify(withLineTexts(answer, pl)));
    }
    const [json, withEn, withPl] = [sums.json, sums.en, sums.pl].map((s) => s / rounds);
    console.log(
      `${name} (${answer.verdict}, ${answer.findings.length} findings): JSON alone ${json.toFixed(1)} µs, ` +
        `with texts en ${withEn.toFixed(1)} µs (${(withEn / json).toFixed(2)}×), ` +
        `pl ${withPl.toFixed(1)} µs (${(withPl / json).toFixed(2)}×)`,
    );
  }
}

main();
