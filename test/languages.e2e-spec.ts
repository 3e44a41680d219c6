import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { AddressInfo } from 'node:net';
import { inNode, simPlant, TEXTBOOK_NODES_FLEET, type SimModemView } from './support/sim-plant';
import { startTestApp, type TestApp } from './support/test-app';

// Issue 17: one line, four answers (REST and MCP, Polish and English) of the same reading. The machine fields are
// the same facts in all four; only the texts differ, each in the language asked for.

type Answer = Record<string, any>;

/** The machine fields of a line answer: everything but the texts people read. */
function facts(d: Answer): Answer {
  const { language, headline, customerMessage, nextStep, ageSec, source, ...rest } = d;
  void [language, headline, customerMessage, nextStep, ageSec, source];
  return {
    ...rest,
    findings: d.findings.map(({ technicalMessage, customerMessage: c, ...f }: Answer) => {
      void [technicalMessage, c];
      return f;
    }),
    notChecked: d.notChecked.map(({ text, ...n }: Answer) => {
      void text;
      return n;
    }),
    scripts: d.scripts.map((s: Answer) => s.code),
    ...(d.location && { location: withoutText(d.location) }),
    ...(d.dispatch && { dispatch: withoutText(d.dispatch) }),
  };
}

function withoutText({ text, ...rest }: Answer): Answer {
  void text;
  return rest;
}

describe('the same facts in Polish and English, by REST and MCP (memory store)', () => {
  let t: TestApp;
  let mcp: URL;
  let modems: SimModemView[];

  beforeAll(async () => {
    t = await startTestApp('memory', { ...TEXTBOOK_NODES_FLEET, DISPATCH_RECHECK_AFTER_SEC: '0' });
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    mcp = new URL(`http://127.0.0.1:${port}/mcp`);
    const plant = simPlant(t);
    modems = await plant.modems();
    await plant.setModem(modems[1].id, 'DS_SNR_FAULT');
    await plant.setModem(modems[2].id, 'US_ECHO_DROP');
    await plant.setModem(modems[3].id, 'OFFLINE');
    const down = inNode(modems, modems[25].cmtsId, modems[25].serviceGroupId);
    await plant.setNode(modems[25].cmtsId, modems[25].serviceGroupId, 'NODE_OUTAGE');
    // Fresh readings of every line the test asks about; the four answers below reuse them.
    for (const id of [0, 1, 2, 3].map((i) => modems[i].id).concat(down[0].id)) {
      await plant.diagnose(id);
    }
  });
  afterAll(() => t.close());

  async function rest(id: string, acceptLanguage: string): Promise<Answer> {
    const res = await t
      .http()
      .get(`/api/v1/modems/${id}/diagnosis?maxAgeSec=3600`)
      .set('Accept-Language', acceptLanguage)
      .expect(200);
    expect(res.headers['content-language']).toBe(res.body.language);
    return res.body;
  }

  async function viaMcp(id: string, language: 'pl' | 'en'): Promise<{ text: string; result: Answer }> {
    const client = new Client({ name: 'linecheck-e2e', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(mcp));
    try {
      const r = (await client.callTool({
        name: 'diagnose_line',
        arguments: { modem_id: id, max_age_sec: 3600, language },
      })) as { content: { text: string }[]; structuredContent?: Answer };
      return { text: r.content.map((c) => c.text).join('\n'), result: r.structuredContent!.result };
    } finally {
      await client.close();
    }
  }

  it.each([
    ['a textbook line', 0, 'TEXTBOOK_OK'],
    ['a line fault', 1, 'LINE_FAULT'],
    ['an echo on the drop', 2, 'LINE_FAULT'],
    ['a modem offline in its home', 3, 'MODEM_OFFLINE'],
    ['a node outage', -1, 'PLANT_OUTAGE'],
  ])('%s', async (_, index, verdict) => {
    const id =
      index >= 0 ? modems[index].id : inNode(modems, modems[25].cmtsId, modems[25].serviceGroupId)[0].id;
    const plRest = await rest(id, 'pl-PL,pl;q=0.9,en;q=0.5');
    const enRest = await rest(id, 'en-GB');
    const plMcp = await viaMcp(id, 'pl');
    const enMcp = await viaMcp(id, 'en');
    expect(plRest.verdict).toBe(verdict);

    const reference = facts(enRest);
    for (const answer of [plRest, plMcp.result, enMcp.result]) {
      expect(facts(answer)).toEqual(reference);
    }

    expect([plRest.language, enRest.language, plMcp.result.language, enMcp.result.language]).toEqual([
      'pl',
      'en',
      'pl',
      'en',
    ]);
    // The same texts by either road, and different words in the two languages.
    for (const field of ['headline', 'customerMessage', 'nextStep'] as const) {
      expect(plMcp.result[field]).toBe(plRest[field]);
      expect(enMcp.result[field]).toBe(enRest[field]);
      expect(plRest[field]).not.toBe(enRest[field]);
      expect(plMcp.text).toContain(plRest[field]);
    }
    expect(plRest.scripts.length).toBeGreaterThan(0);
    plRest.scripts.forEach((s: Answer, i: number) => {
      expect(s.text).not.toBe(enRest.scripts[i].text);
      expect(plMcp.text).toContain(s.text);
    });
    plRest.findings.forEach((f: Answer, i: number) => {
      expect(f.technicalMessage).not.toBe(enRest.findings[i].technicalMessage);
      expect(f.customerMessage).not.toBe(enRest.findings[i].customerMessage);
      expect(plMcp.text).toContain(f.technicalMessage);
    });
    expect(plRest.customerMessage).not.toMatch(/dBmV|\bdB\b|MHz|SNR|T3|T4/);
  });
});
