import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

// The README as a newcomer follows it. Every section's shell blocks run as written, one section per private
// network namespace, against the built service (dist/) started the way that section says: `npm run start:sim`,
// `node dist/main.js` with the variables on its line, or `docker compose up` with exactly the compose file's
// environment (its Redis host replaced by a redis-server in the namespace). Every curl must get a 2xx, unless
// its line says otherwise in a comment (`# 502 ...`). test/support/readme-session.sh is the shell side.

const ROOT = join(__dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const SESSION = join(__dirname, 'support', 'readme-session.sh');

interface Section {
  heading: string;
  script: string;
  /** The expected status of each curl in order: 2xx, or the one its line's comment names. */
  expected: (number | '2xx')[];
}

const STARTS = /npm run start:sim|node dist\/main\.js|docker compose up/;

/**
 * The README's `##` sections that have shell blocks with curl in them. A section that does not start the service
 * itself runs after the README's first start command (the quick start).
 */
function sections(markdown: string): Section[] {
  const out: Section[] = [];
  const firstStart = markdown.split('\n').find((l) => STARTS.test(l) && !l.trim().startsWith('#'));
  if (!firstStart) {
    throw new Error('the README never starts the service');
  }
  for (const part of markdown.split(/^## /m).slice(1)) {
    const heading = part.slice(0, part.indexOf('\n')).trim();
    const blocks = [...part.matchAll(/^ *```sh\n([\s\S]*?)^ *```/gm)].map((m) => dedent(m[1]));
    const own = blocks.join('\n');
    const script = STARTS.test(own) ? own : `${firstStart.trim()}\n${own}`;
    const expected = [...script.matchAll(/(?:^|[\s($|])curl\s[^\n]*(?:\\\n[^\n]*)*/g)].map((m) => {
      const status = /#\s*(\d{3})\b/.exec(m[0]);
      return status ? Number(status[1]) : ('2xx' as const);
    });
    if (expected.length > 0) {
      out.push({ heading, script, expected });
    }
  }
  return out;
}

function dedent(text: string): string {
  const indent = Math.min(
    ...text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => /^ */.exec(l)![0].length),
  );
  return text
    .split('\n')
    .map((l) => l.slice(indent))
    .join('\n');
}

/** The compose file's `environment:` as shell prefix assignments, its Redis host replaced by the namespace's. */
function composeEnvironment(): { env: Record<string, string>; compose: ComposeFile } {
  const compose = parseYaml(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as ComposeFile;
  const env = Object.fromEntries(
    Object.entries(compose.services.linecheck.environment).map(([k, v]) => [k, String(v)]),
  );
  expect(env.REDIS_URL).toMatch(/^redis:\/\/redis:/);
  env.REDIS_URL = env.REDIS_URL.replace('//redis:', '//127.0.0.1:');
  return { env, compose };
}

interface ComposeFile {
  services: Record<string, { environment: Record<string, string | number | boolean>; ports?: string[] }> & {
    linecheck: { environment: Record<string, string | number | boolean>; ports: string[] };
  };
}

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

interface SessionResult {
  stdout: string;
  stderr: string;
  statuses: { status: number; method: string; url: string }[];
  listening: string[];
  exits: string[];
  appLog: string;
}

function runSession(section: Section, composeEnv: Record<string, string>): SessionResult {
  const work = mkdtempSync(join(tmpdir(), 'linecheck-readme-'));
  try {
    const scriptFile = join(work, 'section.sh');
    writeFileSync(scriptFile, section.script);
    const prefix = Object.entries(composeEnv)
      .map(([k, v]) => `${k}=${shellQuote(v)}`)
      .join(' ');
    // Its own PID namespace too: whatever the section started dies with it, also when the timeout kills it.
    const res = spawnSync(
      'unshare',
      ['-rn', '--pid', '--fork', '--kill-child', 'bash', SESSION, scriptFile],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 240_000,
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: work,
          ROOT,
          WORK: work,
          COMPOSE_ENV: prefix,
        },
      },
    );
    const lines = (res.stderr ?? '').split('\n');
    const statuses = lines.flatMap((l) => {
      const m = /^@@status (\d{3}) (\S+) (\S+)/.exec(l);
      return m ? [{ status: Number(m[1]), method: m[2], url: m[3] }] : [];
    });
    let appLog = '';
    try {
      appLog = readFileSync(join(work, 'app.log'), 'utf8');
    } catch {
      appLog = '(no app log)';
    }
    return {
      stdout: res.stdout ?? '',
      stderr: res.stderr ?? '',
      statuses,
      listening: lines.filter((l) => l.startsWith('@@listen ')).map((l) => l.slice(9)),
      exits: lines.filter((l) => l.startsWith('@@exit ')).map((l) => l.slice(7)),
      appLog,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const DOCKER = 'First minute with Docker';

/** The service started, the section ran to its end, and every curl got the status the README implies. */
function expectWorksAsShown(section: Section, result: SessionResult): void {
  const context = `stderr:\n${result.stderr}\napp log:\n${result.appLog.slice(-4000)}`;
  if (!result.stderr.includes('@@started') || !result.stderr.includes('@@done')) {
    throw new Error(`the section did not run to its end\n${context}`);
  }
  const got = result.statuses.map((s) => s.status);
  const wanted = section.expected.map((e, i) => (e === '2xx' && got[i] >= 200 && got[i] < 300 ? got[i] : e));
  if (JSON.stringify(got) !== JSON.stringify(wanted)) {
    throw new Error(
      `statuses ${JSON.stringify(got)}, expected ${JSON.stringify(section.expected)}\n${context}`,
    );
  }
  expect(result.exits.filter((e) => !e.endsWith(' 0'))).toEqual([]);
  expect(result.appLog).not.toMatch(/Invalid configuration/);
}

const canUnshare = spawnSync('unshare', ['-rn', '--pid', '--fork', '--kill-child', 'true']).status === 0;
const describeIfNamespaces = canUnshare ? describe : describe.skip;
if (!canUnshare) {
  console.warn('readme.e2e-spec: skipped, `unshare -rn` (a private network namespace) is not available here');
}

describeIfNamespaces('the README, followed on a fresh clone', () => {
  const found = sections(README);

  beforeAll(() => {
    // The built service, as `npm run build` makes it (the dashboard is built by the test command): the same files,
    // emitted without type checking, which is `npm run check`'s (CI runs it before the tests).
    const build = spawnSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--noCheck'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(build.stdout + build.stderr).toBe('');
    expect(build.status).toBe(0);
  }, 300_000);

  it('has the sections a newcomer needs, each with curls to run', () => {
    const headings = found.map((s) => s.heading);
    expect(headings).toEqual(
      expect.arrayContaining([
        'Ask it about a line',
        'Agent tools: verify the caller, diagnose, remote fix',
        'Pointing it at real modems',
        DOCKER,
      ]),
    );
  });

  it.each(found.filter((s) => s.heading !== DOCKER).map((s) => [s.heading, s] as const))(
    'section "%s": every curl works as shown',
    (_heading, section) => {
      expectWorksAsShown(section, runSession(section, {}));
    },
    300_000,
  );

  it('docker compose: the service runs with exactly the compose environment and listens where the ports point', () => {
    const { env, compose } = composeEnvironment();
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/main.js"\]$/m);
    const exposed = /^EXPOSE (.+)$/m.exec(dockerfile)![1].split(/\s+/);

    // Each published port goes to a container port the service listens on, on every address (not loopback).
    const published = compose.services.linecheck.ports.map((p) => {
      const m = /^(?:[\d.]+:)?\d+:(\d+)(?:\/(udp|tcp))?$/.exec(p)!;
      return { port: m[1], proto: m[2] ?? 'tcp' };
    });
    expect(published).toEqual(
      expect.arrayContaining([
        { port: env.PORT, proto: 'tcp' },
        { port: env.SIMULATOR_PORT, proto: 'udp' },
      ]),
    );
    for (const p of published) {
      expect(exposed).toContain(p.proto === 'tcp' ? p.port : `${p.port}/udp`);
    }

    const docker = found.find((s) => s.heading === DOCKER)!;
    const result = runSession(docker, env);
    expectWorksAsShown(docker, result);
    for (const p of published) {
      expect(result.listening).toContain(`${p.proto} 0.0.0.0:${p.port}`);
    }
    expect(result.appLog).toMatch(/simulated fleet of 1000 modems/);
  }, 300_000);
});
