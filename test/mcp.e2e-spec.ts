import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from './support/test-app';

// An MCP client from the official SDK against /mcp, with the same keys and roles as the REST API.

const AGENT = 'mcp-agent-key-0123456789abcdef00';
const OPERATOR = 'mcp-operator-key-0123456789abcdef';
const ADMIN = 'mcp-admin-key-0123456789abcdef000';
const AGENT_REBOOT = 'mcp-agent-reboot-key-0123456789ab';

type ToolResult = { isError?: boolean; content: { type: string; text: string }[]; structuredContent?: any };

describe('MCP server (memory store)', () => {
  let t: TestApp;
  let url: URL;

  async function connect(key?: string, acceptLanguage?: string): Promise<Client> {
    const client = new Client({ name: 'linecheck-e2e', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(url, {
      requestInit: {
        headers: {
          ...(key && { Authorization: `Bearer ${key}` }),
          ...(acceptLanguage && { 'Accept-Language': acceptLanguage }),
        },
      },
    });
    await client.connect(transport);
    return client;
  }

  const text = (r: ToolResult): string => r.content.map((c) => c.text).join('\n');

  beforeAll(async () => {
    t = await startTestApp('memory', {
      API_KEYS: `voicebot:agent:${AGENT},ops:operator:${OPERATOR},root:admin:${ADMIN},bot2:agent+reboot:${AGENT_REBOOT}`,
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
    const withReboot = await connect(AGENT_REBOOT);
    const reboot = (await withReboot.listTools()).tools.find((tool) => tool.name === 'reboot_modem')!;
    expect(Object.keys(reboot.inputSchema.properties ?? {})).toEqual(
      expect.arrayContaining(['modem_id', 'line_token', 'reason', 'confirm']),
    );
    await withReboot.close();
  });

  it('lets an agent key with the reboot right reboot only a line it verified, by its line_token', async () => {
    const bot = await connect(AGENT_REBOOT);
    const refused = (await bot.callTool({
      name: 'reboot_modem',
      arguments: { modem_id: 'sim-cm-00003', reason: 'no sync', confirm: true },
    })) as ToolResult;
    expect(refused.isError).toBe(true);
    expect(text(refused)).toMatch(/Verify the caller first/);
    const customer = (await t.http().get('/api/v1/modems/sim-cm-00003').set('X-API-Key', OPERATOR)).body
      .customer as { customerNumber: string; fullName: string };
    const verified = (await bot.callTool({
      name: 'verify_caller',
      arguments: { customer_number: customer.customerNumber, full_name: customer.fullName },
    })) as ToolResult;
    const line = verified.structuredContent.result.lines[0];
    const otherLine = (await bot.callTool({
      name: 'reboot_modem',
      arguments: { modem_id: 'sim-cm-00004', line_token: line.lineToken, reason: 'no sync', confirm: true },
    })) as ToolResult;
    expect(otherLine.isError).toBe(true);
    expect(text(otherLine)).toMatch(/not valid for sim-cm-00004/);
    const started = (await bot.callTool({
      name: 'reboot_modem',
      arguments: { modem_id: line.modemId, line_token: line.lineToken, reason: 'no sync', confirm: true },
    })) as ToolResult;
    expect(started.isError).toBeFalsy();
    expect(text(started)).toMatch(/^Reboot of sim-cm-00003 started \(action act-/);
    expect(started.structuredContent.result.requestedBy.name).toBe('bot2');
    await bot.close();
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
    expect(verified.structuredContent.result.services).toEqual(['internet', 'tv']);
    expect(verified.structuredContent.result.scripts.map((s: { code: string }) => s.code)).toEqual([
      'SERVICE_NOT_SUBSCRIBED',
      'OUTSIDE_SERVICE',
    ]);
    expect(text(verified)).toMatch(
      /\nThe customer has: internet and TV\.\nIf the call is not about the line/,
    );
    expect(text(verified)).toMatch(/\n- A service the customer does not have with us: I can see that/);

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
    expect(text(timeline)).toMatch(/without a time .*\n- REBOOT: The modem logged a restart\./);
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

  it('speaks the language of the request, or of the call, with the same structured result', async () => {
    const polish = await connect(AGENT, 'pl-PL,pl;q=0.9,en;q=0.5');
    const english = await connect(AGENT, 'de-DE');
    const verify = (tools: { name: string; description?: string; inputSchema: any }[]) =>
      tools.find((tool) => tool.name === 'verify_caller')!;
    const plList = verify((await polish.listTools()).tools);
    expect(plList.description).toMatch(/^Wywołaj to najpierw, zanim powiesz cokolwiek o linii\./);
    expect(plList.inputSchema.properties.full_name.description).toMatch(/^Imię i nazwisko/);
    expect(plList.inputSchema.properties.language).toMatchObject({ enum: ['en', 'pl'] });
    expect(verify((await english.listTools()).tools).description).toMatch(/^Call this first/);

    // One failed verification each on the same customer number: 4 attempts left, then 3 (Polish "few": próby).
    const wrongPl = (await polish.callTool({
      name: 'verify_caller',
      arguments: { customer_number: 'C1000005', full_name: 'Nie Ten' },
    })) as ToolResult;
    expect(text(wrongPl)).toBe(
      'Weryfikacja nieudana. Nie podawaj żadnych informacji o linii. Poproś rozmówcę o ponowne podanie danych ' +
        '(dla tego numeru klienta zostały jeszcze 4 próby).',
    );
    const wrongEn = (await english.callTool({
      name: 'verify_caller',
      arguments: { customer_number: 'C1000005', full_name: 'Not Them' },
    })) as ToolResult;
    expect(text(wrongEn)).toMatch(/\(3 attempts left for this customer number\)\.$/);
    expect(wrongPl.structuredContent.result).toMatchObject({ verified: false, attemptsLeft: 4 });
    expect(wrongEn.structuredContent.result).toMatchObject({ verified: false, attemptsLeft: 3 });

    // The same node call in both languages: the same structured result, the texts differ; `language` overrides.
    const verified = (await english.callTool({
      name: 'verify_caller',
      arguments: { customer_number: 'C1000001', full_name: 'Jan Iksiński' },
    })) as ToolResult;
    const line = verified.structuredContent.result.lines[0];
    const args = { modem_id: line.modemId, line_token: line.lineToken };
    const verifiedPl = (await polish.callTool({
      name: 'verify_caller',
      arguments: { customer_number: 'C1000001', full_name: 'Jan Iksiński' },
    })) as ToolResult;
    expect(verifiedPl.structuredContent.result.services).toEqual(['internet', 'tv']);
    expect(verifiedPl.structuredContent.result.scripts[0]).toEqual({
      code: 'SERVICE_NOT_SUBSCRIBED',
      title: 'Usługa spoza umowy z nami',
      text: expect.stringMatching(/^Widzę, że ta usługa nie jest objęta Państwa umową/),
    });
    expect(text(verifiedPl)).toMatch(
      /\nUsługi klienta: internet i telewizja\.\nJeśli rozmowa nie dotyczy łącza/,
    );
    expect(text(verifiedPl)).toMatch(/\n- Poza zakresem naszych usług: Przykro mi/);
    const nodePl = (await polish.callTool({ name: 'get_node_status', arguments: args })) as ToolResult;
    const nodeEn = (await english.callTool({ name: 'get_node_status', arguments: args })) as ToolResult;
    const nodeAsked = (await english.callTool({
      name: 'get_node_status',
      arguments: { ...args, language: 'pl' },
    })) as ToolResult;
    expect(nodePl.structuredContent).toEqual(nodeEn.structuredContent);
    const modems = nodeEn.structuredContent.result.modems as number;
    expect(modems).toBeGreaterThanOrEqual(5);
    expect(text(nodeEn)).toMatch(
      new RegExp(`^Node sim-cmts-1/\\S+: OK\\. \\d+ of ${modems} modems offline\\.`),
    );
    expect(text(nodePl)).toMatch(
      new RegExp(`^Węzeł sim-cmts-1/\\S+: OK\\. Offline: \\d+ z ${modems} modemów\\.`),
    );
    expect(text(nodePl)).toMatch(/Węzeł działa prawidłowo: decyduj na podstawie diagnose_line\.$/);
    expect(text(nodeAsked)).toBe(text(nodePl));

    const refusedPl = (await polish.callTool({
      name: 'diagnose_line',
      arguments: { modem_id: line.modemId },
    })) as ToolResult;
    expect(refusedPl.isError).toBe(true);
    expect(text(refusedPl)).toMatch(/^Najpierw zweryfikuj rozmówcę przez verify_caller/);

    const diagnosisPl = (await polish.callTool({ name: 'diagnose_line', arguments: args })) as ToolResult;
    expect(text(diagnosisPl)).toMatch(/^Werdykt dla sim-cm-00001: TEXTBOOK_OK \(/);
    expect(text(diagnosisPl)).toMatch(/\nTwój następny krok: Linia i modem działają prawidłowo\./);
    expect(text(diagnosisPl)).toMatch(/\nWizyta technika: niepotrzebna\./);
    await polish.close();
    await english.close();
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
