import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import {
  CAPTURE_FORMATS,
  describeCaptureErrors,
  parseCapture,
  type CaptureFormat,
} from '../mib/parse-capture';
import { diagnoseCaptures, type OneShotDiagnosis } from './replay-diagnosis';

// npm run replay -- modem.txt [--cmts cmts.txt]: diagnoses a captured walk of a real device, polled by the real
// poller from a replay agent on 127.0.0.1. Exit 0 with a diagnosis, 2 for a bad capture or bad arguments.

const USAGE = `usage: npm run replay -- <modem-capture> [--cmts <cmts-capture>] [--mac <cable MAC>]
                         [--set-point <dBmV>] [--format snmpwalk|snmprec] [--json]

  <modem-capture>  snmpwalk -On output (snmpwalk -v2c -c <community> -On -Ob <modem> .1) or an snmprec file
  --cmts           the CMTS's capture, to diagnose with what the CMTS sees of the modem
  --mac            the modem's cable MAC, to find its CMTS row (default: read from the modem capture)
  --set-point      the CMTS upstream receive set point in dBmV (default 0)
  --format         the capture format (default: told from the first line)
  --json           the whole answer (reading, CMTS outcome, diagnosis) as JSON`;

export class UsageError extends Error {}

export interface ReplayArgs {
  modemFile: string;
  cmtsFile?: string;
  mac?: string;
  setPointDbmv?: number;
  format?: CaptureFormat;
  json: boolean;
}

export function parseReplayArgs(argv: string[]): ReplayArgs {
  const files: string[] = [];
  const out: Partial<ReplayArgs> = { json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) {
        throw new UsageError(`${arg} needs a value`);
      }
      return v;
    };
    if (arg === '--json') {
      out.json = true;
    } else if (arg === '--cmts') {
      out.cmtsFile = value();
    } else if (arg === '--mac') {
      const mac = value();
      if (!/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i.test(mac)) {
        throw new UsageError(`--mac must be a MAC address like 00:1d:cd:12:34:56, not '${mac}'`);
      }
      out.mac = mac.toLowerCase();
    } else if (arg === '--set-point') {
      const v = Number(value());
      if (!Number.isFinite(v)) {
        throw new UsageError('--set-point must be a number of dBmV');
      }
      out.setPointDbmv = v;
    } else if (arg === '--format') {
      const f = value();
      if (!CAPTURE_FORMATS.includes(f as CaptureFormat)) {
        throw new UsageError(`--format must be one of ${CAPTURE_FORMATS.join(', ')}, not '${f}'`);
      }
      out.format = f as CaptureFormat;
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1) {
    throw new UsageError(
      files.length === 0 ? 'name the modem capture file' : 'name exactly one modem capture',
    );
  }
  return { ...out, modemFile: files[0] } as ReplayArgs;
}

function readCapture(file: string, format: CaptureFormat | undefined, errors: string[]) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    errors.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  const result = parseCapture(text, format);
  if (!result.ok) {
    errors.push(...describeCaptureErrors(result).map((e) => `${file}: ${e}`));
    return undefined;
  }
  return { text, capture: result.capture };
}

export function formatDiagnosis(outcome: OneShotDiagnosis): string {
  const { reading, diagnosis: d, cmts } = outcome;
  const lines = [
    `verdict:   ${d.verdict}`,
    `sub-kinds: ${d.subKinds.length > 0 ? d.subKinds.join(', ') : '-'}`,
    `action:    ${d.action}`,
    `summary:   ${d.summary}`,
  ];
  if (reading.reachable) {
    lines.push(
      `reading:   DOCSIS ${reading.docsisVersion}, ${reading.downstream.length} downstream, ` +
        `${reading.upstream.length} upstream, ${reading.ofdm.length} OFDM, ${reading.ofdma.length} OFDMA channels`,
    );
  } else {
    lines.push(`reading:   not reachable (${reading.error})`);
  }
  if (cmts) {
    lines.push(
      cmts.reachable
        ? `cmts:      ${cmts.rows} modem rows; ${cmtsRowText(cmts)}`
        : `cmts:      not read (${cmts.error})`,
    );
  }
  lines.push('findings:');
  for (const f of d.findings) {
    const channel = f.channel ? ` [${f.channel.direction} ${f.channel.kind} ch ${f.channel.channelId}]` : '';
    lines.push(
      `  ${f.severity.padEnd(8)} ${f.code}${channel}: ${f.observed} ${f.unit} (limit ${f.limit}) ${f.message}`,
    );
  }
  if (d.findings.length === 0) {
    lines.push('  none');
  }
  return lines.join('\n');
}

function cmtsRowText(cmts: NonNullable<OneShotDiagnosis['cmts']>): string {
  if (!cmts.mac) {
    return "the modem's MAC is not in its capture (pass --mac): diagnosed without the CMTS";
  }
  return cmts.rowFound ? `row of ${cmts.mac} found` : `no row for ${cmts.mac}`;
}

export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);
}

export interface CliOutput {
  log(text: string): void;
  error(text: string): void;
}

/** The CLI without the process: its exit code, and what it printed through `out`. */
export async function runReplayCli(argv: string[], out: CliOutput = console): Promise<number> {
  let args: ReplayArgs;
  try {
    args = parseReplayArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      out.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  const errors: string[] = [];
  const modem = readCapture(args.modemFile, args.format, errors);
  const cmts = args.cmtsFile ? readCapture(args.cmtsFile, args.format, errors) : undefined;
  if (!modem || errors.length > 0) {
    out.error(errors.join('\n'));
    return 2;
  }
  const outcome = await diagnoseCaptures(modem, cmts, { mac: args.mac, setPointDbmv: args.setPointDbmv });
  out.log(args.json ? toJson(outcome) : formatDiagnosis(outcome));
  return 0;
}

if (require.main === module) {
  runReplayCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    },
  );
}
