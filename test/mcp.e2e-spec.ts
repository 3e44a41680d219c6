import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from './support/test-app';

// An MCP client from the official SDK against /mcp, with the same keys and roles as the REST API.

const AGENT = 'mcp-agent-key-0123456789abcdef00';
const OPERATOR = 'mcp-operator-key-0123456789abcdef';
const ADMIN = 'mcp-admin-key-0123456789abcdef000';

type ToolResult = { isError?: boolean; content: { type: string; text: string }[]; structuredContent?: any };

describe('MCP server (memory store)', () => {
  let t: TestApp;
  let url: URL;

  async function connect(key?: string): Promise<Client> {
    const client = new Client({ name: 'linecheck-e2e', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(url, {
      requestInit: { headers: key ? { Authorization: `Bearer ${key}` } : {} },
    });
    await client.connect(transport);
    return client;
  }

  const text = (r: ToolResult): string => r.content.map((c) => c.text).join('\n');

  beforeAll(async () => {
    t = await startTestApp('memory', {
      API_KEYS: `voicebot:agent:${AGENT},ops:operator:${OPERATOR},root:admin:${ADMIN}`,
      SIMULATOR_MODEMS: '12',
      SIMULATOR_V3_SHARE: '0',
      SIMULATOR_SCENARIO_MIX: 'TEXTBOOK=1',
    });
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    url = new URL(`http://127.0.0.1:${port}/mcp`);
  });
  afterAll(() => t.close());

  it('refuses a client without a key', async () => {
    await expect(connect()).rejects.toThrow(/401/);
  });

  it('lists the read-only tools for an agent key, and reboot_modem only for an operator key', async () => {
    const agent = await connect(AGENT);
    const names = (await agent.listTools()).tools.map((tool) => tool.name).sort();
    expect(names).toEqual(['diagnose_line', 'get_line_timeline', 'get_node_status', 'verify_caller']);
    const verify = (await agent.listTools()).tools.find((tool) => tool.name === 'verify_caller')!;
    expect(verify.description).toMatch(/before saying anything about a line/);
    expect(Object.keys(verify.inputSchema.properties ?? {})).toEqual(
      expect.arrayContaining(['customer_number', 'full_name', 'address']),
    );
    await agent.close();
    const operator = await connect(OPERATOR);
    expect((await operator.listTools()).tools.map((tool) => tool.name)).toContain('reboot_modem');
    await operator.close();
  });

  it('verifies a caller, diagnoses the line with its token, and is refused a reboot with an agent key', async () => {
    const agent = await connect(AGENT);
    const denied = (await agent.callTool({
      name: 'diagnose_line',
      arguments: { modem_id: 'sim-cm-00001' },
    })) as ToolResult;
    expect(denied.isError).toBe(true);
    expect(text(denied)).toMatch(/Verify the caller first/);

    const wrong = (await agent.callTool({
      name: 'verify_caller',
      arguments: { customer_number: 'C1000001', full_name: 'Jan Kowalski' },
    })) as ToolResult;
    expect(text(wrong)).toMatch(/^Not verified\. Do not give any information/);

    const verified = (await agent.callTool({
      name: 'verify_caller',
      arguments: { customer_number: 'c 1000001', full_name: 'JAN IKSINSKI' },
    })) as ToolResult;
    expect(verified.isError).toBeFalsy();
    const line = verified.structuredContent.result.lines[0];
    expect(line.modemId).toBe('sim-cm-00001');

    const diagnosis = (await agent.callTool({
      name: 'diagnose_line',
      arguments: { modem_id: line.modemId, line_token: line.lineToken },
    })) as ToolResult;
    expect(diagnosis.isError).toBeFalsy();
    expect(text(diagnosis)).toMatch(/^Verdict for sim-cm-00001: TEXTBOOK_OK/);
    expect(text(diagnosis)).toMatch(/Tell the customer: /);
    expect(text(diagnosis)).toMatch(/Next step for you: .*Do not book a technician/);
    expect(text(diagnosis)).toMatch(/\nTechnician: not needed\./);
    expect(diagnosis.structuredContent.result.dispatch).toMatchObject({ needed: false, urgency: 'NONE' });

    const timeline = (await agent.callTool({
      name: 'get_line_timeline',
      arguments: { modem_id: line.modemId, line_token: line.lineToken },
    })) as ToolResult;
    expect(timeline.isError).toBeFalsy();
    // diagnose_line read the modem's own log: its cold start, logged before it had the time of day, is listed apart.
    expect(text(timeline)).toMatch(/without a time .*\n- REBOOT: the modem logged "Cable Modem Reboot/);
    const node = (await agent.callTool({
      name: 'get_node_status',
      arguments: { modem_id: line.modemId, line_token: line.lineToken },
    })) as ToolResult;
    expect(text(node)).toMatch(/^Node sim-cmts-1\/\S+: OK\./);
    expect(node.structuredContent.result).not.toHaveProperty('worst');

    const reboot = (await agent.callTool({
      name: 'reboot_modem',
      arguments: { modem_id: line.modemId, reason: 'customer asked', confirm: true },
    })) as ToolResult;
    expect(reboot.isError).toBe(true);
    expect(text(reboot)).toMatch(/reboot_modem.*disabled/);
    expect((await t.http().get('/api/v1/simulator/modems/sim-cm-00001')).status).toBe(401);
    await agent.close();
  });

  it('lets an operator key reboot with confirm, and audits it', async () => {
    const operator = await connect(OPERATOR);
    const unconfirmed = (await operator.callTool({
      name: 'reboot_modem',
      arguments: { modem_id: 'sim-cm-00002', reason: 'test', confirm: false },
    })) as ToolResult;
    expect(unconfirmed.isError).toBe(true);
    const done = (await operator.callTool({
      name: 'reboot_modem',
      arguments: { modem_id: 'sim-cm-00002', reason: 'no sync', confirm: true },
    })) as ToolResult;
    expect(done.isError).toBeFalsy();
    expect(text(done)).toMatch(/^Reboot of sim-cm-00002 started \(action act-/);
    await operator.close();
    const audit = (await t.http().get('/api/v1/audit').set('X-API-Key', ADMIN).expect(200)).body.items as {
      action: string;
      outcome: string;
      actor: { name: string };
      detail: { channel: string };
    }[];
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'modem.reboot',
          outcome: 'requested',
          actor: expect.objectContaining({ name: 'ops' }),
          detail: expect.objectContaining({ channel: 'mcp' }),
        }),
        expect.objectContaining({
          action: 'line.verify',
          outcome: 'verified',
          actor: expect.objectContaining({ name: 'voicebot' }),
          detail: expect.objectContaining({ channel: 'mcp' }),
        }),
      ]),
    );
  });
});
