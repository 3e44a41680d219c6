import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from './support/test-app';

// The service checked by tools that are not ours: Redocly's OpenAPI linter on the document it serves,
// Prometheus' promtool on its /metrics, and the official MCP SDK client with a wrong key. Each tool missing is a
// failure that says how to install it, never a silent pass.

const ROOT = join(__dirname, '..');
const ADMIN = 'tools-admin-0123456789abcdefghijklmnop';
const OPERATOR = 'tools-ops-0123456789abcdefghijklmnopqr';
const WRONG = 'tools-wrong-0123456789abcdefghijklmnop';

function run(command: string, args: string[], input?: string): { status: number | null; output: string } {
  const result = spawnSync(command, args, {
    input,
    encoding: 'utf8',
    cwd: ROOT,
    timeout: 120_000,
    // Redocly would otherwise report usage and look for updates over the network.
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  });
  if (result.error) {
    throw new Error(`${command} could not run: ${result.error.message}`);
  }
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('outside tools', () => {
  let t: TestApp;
  let work: string;

  beforeAll(async () => {
    t = await startTestApp('memory', {
      API_KEYS: `tools-admin:admin:${ADMIN},tools-ops:operator:${OPERATOR}`,
      SIMULATOR_MODEMS: '6',
      SIMULATOR_V3_SHARE: '0',
    });
    work = mkdtempSync(join(tmpdir(), 'linecheck-tools-'));
    // Something in every metric family: a diagnosis, a sweep.
    await t.http().get('/api/v1/modems/sim-cm-00001/diagnosis').set('X-API-Key', ADMIN).expect(200);
  });
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await t?.close();
  });

  it('passes `redocly lint` (recommended rules, redocly.yaml) on the served OpenAPI document, clean', async () => {
    const doc = await t.http().get('/docs-json').expect(200);
    const file = join(work, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc.body, null, 1));
    const lint = run(process.execPath, [
      join(ROOT, 'node_modules/@redocly/cli/bin/cli.js'),
      'lint',
      file,
      '--config',
      join(ROOT, 'redocly.yaml'),
      '--format',
      'stylish',
    ]);
    const problems = lint.output
      .split('\n')
      .filter((l) => /\b(error|warning)\b/.test(l) && !/Node\.js/.test(l));
    expect({ status: lint.status, problems }).toEqual({ status: 0, problems: [] });
    expect(lint.output).toContain('Your API description is valid');
  });

  it('passes `promtool check metrics` on /metrics', async () => {
    const which = spawnSync('sh', ['-c', 'command -v promtool'], { encoding: 'utf8' });
    if (which.status !== 0) {
      throw new Error('promtool is not installed: `apt-get install prometheus` (.ci/run installs it)');
    }
    const metrics = await t.http().get('/metrics').set('X-API-Key', ADMIN).expect(200);
    expect(metrics.text).toContain('linecheck_');
    const check = run('promtool', ['check', 'metrics'], metrics.text);
    expect({ status: check.status, output: check.output.trim() }).toEqual({ status: 0, output: '' });
  });

  it('refuses every MCP tool with a wrong key: 401 with a Bearer challenge, through the official SDK client', async () => {
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    let key = OPERATOR;
    const answers: { status: number; challenge: string | null }[] = [];
    const transport = new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${port}/mcp`), {
      fetch: async (url, init) => {
        const headers = new Headers(init?.headers);
        headers.set('Authorization', `Bearer ${key}`);
        const res = await fetch(url, { ...init, headers });
        answers.push({ status: res.status, challenge: res.headers.get('www-authenticate') });
        return res;
      },
    });
    const client = new Client({ name: 'linecheck-wrong-key', version: '1.0.0' });
    await client.connect(transport);
    const tools = (await client.listTools()).tools.map((tool) => tool.name);
    expect(tools).toEqual(
      expect.arrayContaining([
        'verify_caller',
        'diagnose_line',
        'get_line_timeline',
        'get_node_status',
        'reboot_modem',
      ]),
    );
    key = WRONG;
    const refused: string[] = [];
    for (const name of tools) {
      answers.length = 0;
      await expect(client.callTool({ name, arguments: {} })).rejects.toThrow(/401|nauthorized/);
      expect([name, answers.map((a) => a.status)]).toEqual([name, [401]]);
      expect([name, answers[0].challenge]).toEqual([name, 'Bearer realm="linecheck", error="invalid_token"']);
      refused.push(name);
    }
    expect(refused).toEqual(tools);
    await client.close();
  });
});
