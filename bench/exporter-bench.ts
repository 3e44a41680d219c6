import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAST_POLL_COLUMNS, FAST_POLL_SCALARS, OID } from '../src/mib/docsis-oids';
import { SnmpModemPoller } from '../src/snmp/snmp-modem-poller';
import { SnmpClient } from '../src/snmp/snmp-client';
import { arg, pool } from './lib/pool';
import { clockTicksPerSecond, processCpuMs } from './lib/proc-stats';
import { SimulatorProcess } from './lib/simulator-process';

// The same simulated modems and the same objects, polled by our poller and by Debian's prometheus-snmp-exporter
// (0.21) in one run: wall time and CPU per modem of each. `npm run bench:exporter -- --modems 1000`.

const MAX_REPETITIONS = 16;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** How each column is indexed, so the exporter can turn every row into a distinct sample. */
function indexesOf(name: (typeof FAST_POLL_COLUMNS)[number]): string {
  if (name.startsWith('dot1dTpFdb')) {
    return '[{labelname: mac, type: PhysAddress48}]';
  }
  if (name === 'docsDevCpeInetSource') {
    return '[{labelname: type, type: gauge}, {labelname: addr, type: InetAddress}]';
  }
  if (name.startsWith('docsIf31CmDsOfdmProfileStats') || name.startsWith('docsIf31CmDsOfdmChannelPower')) {
    return '[{labelname: index, type: gauge}, {labelname: sub, type: gauge}]';
  }
  return '[{labelname: index, type: gauge}]';
}

/** snmp_exporter 0.21 layout: modules at top level, auth inside. One module per modem: community = modem id. */
function exporterConfig(ids: string[]): string {
  const walk = FAST_POLL_COLUMNS.map((n) => OID[n]);
  const get = FAST_POLL_SCALARS.map((n) => `${OID[n]}.0`);
  const metrics = FAST_POLL_COLUMNS.map((name, i) => {
    return `  - {name: c${i}, oid: ${OID[name]}, type: gauge, help: ${name}, indexes: ${indexesOf(name)}}`;
  });
  return ids
    .map((id) =>
      [
        `${id}:`,
        `  version: 2`,
        `  max_repetitions: ${MAX_REPETITIONS}`,
        `  retries: 1`,
        `  timeout: 2s`,
        `  auth: {community: ${id}}`,
        `  get: [${get.join(', ')}]`,
        `  walk: [${walk.join(', ')}]`,
        `  metrics:`,
        ...metrics.map((m) => `  ${m}`),
      ].join('\n'),
    )
    .join('\n');
}

async function main(): Promise<void> {
  const modems = arg('modems', 1000);
  const concurrency = arg('concurrency', 16);
  const ticks = clockTicksPerSecond();
  const ids = Array.from({ length: modems }, (_, i) => `sim-cm-${String(i + 1).padStart(5, '0')}`);
  const dir = mkdtempSync(join(tmpdir(), 'linecheck-exporter-'));
  const sim = SimulatorProcess.spawn({ modems, seed: 42 });
  let exporter: ReturnType<typeof spawn> | undefined;
  try {
    const ready = await sim.waitForReady();
    writeFileSync(join(dir, 'snmp.yml'), exporterConfig(ids));
    const port = await freePort();
    exporter = spawn(
      'prometheus-snmp-exporter',
      [
        `--config.file=${join(dir, 'snmp.yml')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      { stdio: 'inherit' },
    );
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`http://127.0.0.1:${port}/`).then(
          () => true,
          () => false,
        )
      ) {
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }

    // Ours: the poller's fast poll (GET + multi-column GETBULK), parsing included, no diagnosis or store.
    const poller = new SnmpModemPoller(
      new SnmpClient({ timeoutMs: 2000, retries: 1, maxRepetitions: MAX_REPETITIONS }),
    );
    const poll = (i: number): Promise<unknown> =>
      poller.poll(ids[i], {
        host: '127.0.0.1',
        port: ready.port,
        credentials: { version: '2c', community: ids[i] },
      });
    await pool(Math.min(200, modems), concurrency, async (i) => void (await poll(i)));
    let unreachable = 0;
    const cpu0 = process.cpuUsage();
    const simA = processCpuMs(sim.pid, ticks);
    const oursMs = await pool(modems, concurrency, async (i) => {
      const r = (await poll(i)) as { reachable: boolean };
      unreachable += r.reachable ? 0 : 1;
    });
    const oursCpu = process.cpuUsage(cpu0);
    const simOurs = processCpuMs(sim.pid, ticks) - simA;

    // The exporter: one scrape per modem, same concurrency.
    let firstError = '';
    const scrape = async (i: number): Promise<number> => {
      const res = await fetch(
        `http://127.0.0.1:${port}/snmp?module=${ids[i]}&target=127.0.0.1:${ready.port}`,
      );
      const body = await res.text();
      if (!res.ok && !firstError) {
        firstError = `${res.status} ${body.slice(0, 300)}`;
      }
      return res.ok ? body.length : -1;
    };
    await pool(Math.min(200, modems), concurrency, async (i) => void (await scrape(i)));
    let scrapeErrors = 0;
    const exp0 = processCpuMs(exporter.pid!, ticks);
    const simB = processCpuMs(sim.pid, ticks);
    const theirsMs = await pool(modems, concurrency, async (i) => {
      scrapeErrors += (await scrape(i)) < 0 ? 1 : 0;
    });
    const expCpu = processCpuMs(exporter.pid!, ticks) - exp0;
    const simTheirs = processCpuMs(sim.pid, ticks) - simB;

    const oursCpuMs = (oursCpu.user + oursCpu.system) / 1000;
    const result = {
      date: new Date().toISOString(),
      modems,
      concurrency,
      ours: {
        wallMs: Math.round(oursMs),
        cpuMsPerModem: Math.round((oursCpuMs / modems) * 1000) / 1000,
        simulatorCpuMsPerModem: Math.round((simOurs / modems) * 1000) / 1000,
        unreachable,
      },
      exporter: {
        wallMs: Math.round(theirsMs),
        cpuMsPerModem: Math.round((expCpu / modems) * 1000) / 1000,
        simulatorCpuMsPerModem: Math.round((simTheirs / modems) * 1000) / 1000,
        errors: scrapeErrors,
        firstError,
      },
      ratio: {
        wall: Math.round((theirsMs / oursMs) * 100) / 100,
        cpuPerModem: Math.round((expCpu / oursCpuMs) * 100) / 100,
      },
    };
    console.log(JSON.stringify(result, null, 2));
    console.log(`RESULT ${JSON.stringify(result)}`);
  } finally {
    if (exporter) {
      exporter.kill('SIGTERM');
      await once(exporter, 'exit');
    }
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
