import { ConfigError, loadConfig } from './app-config';

describe(loadConfig.name, () => {
  it('applies defaults: loopback, in-process store, simulator off', () => {
    const config = loadConfig({});
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3000, corsOrigins: [], httpsOnly: false });
    expect(config.redis.url).toBeUndefined();
    expect(config.simulator.enabled).toBe(false);
    expect(config.diagnosis.thresholds.name).toBe('docsis-default');
  });

  it('reads booleans and numbers from strings', () => {
    const config = loadConfig({
      SIMULATOR_ENABLED: 'false',
      SNMP_TIMEOUT_MS: '750',
      SIMULATOR_DOCSIS31_SHARE: '0.25',
      CORS_ORIGINS: 'https://noc.example.net,http://127.0.0.1:8080',
    });
    expect(config.http.corsOrigins).toEqual(['https://noc.example.net', 'http://127.0.0.1:8080']);
    expect(config.simulator.enabled).toBe(false);
    expect(config.snmp.timeoutMs).toBe(750);
    expect(config.simulator.fleet.docsis31Share).toBe(0.25);
    expect(loadConfig({ SIMULATOR_ENABLED: 'true' }).simulator.enabled).toBe(true);
  });

  it('sweeps at start by default with the simulator only, unless SWEEP_AT_START says otherwise', () => {
    expect(loadConfig({}).sweep.atStart).toBe(false);
    expect(loadConfig({ SIMULATOR_ENABLED: 'true' }).sweep.atStart).toBe(true);
    expect(loadConfig({ SIMULATOR_ENABLED: 'true', SWEEP_AT_START: 'false' }).sweep.atStart).toBe(false);
    expect(loadConfig({ SWEEP_AT_START: 'true' }).sweep.atStart).toBe(true);
    expect(() => loadConfig({ SWEEP_AT_START: 'soon' })).toThrow(/SWEEP_AT_START/);
  });

  it('reads the dispatch policy, and names a bad time zone, cut-off, weekday or sub-kind', () => {
    const c = loadConfig({
      DISPATCH_TIME_ZONE: 'America/New_York',
      DISPATCH_SAME_DAY_CUTOFF: '12:00',
      DISPATCH_WORKING_DAYS: '1,2,3,4,5',
      DISPATCH_HOLIDAYS: '2026-12-24,2026-12-25',
      DISPATCH_URGENCY_DEGRADED: 'SAME_DAY',
      DISPATCH_HARD_FAULT_KINDS: 'NO_POWER_OR_DISCONNECTED',
    }).dispatch;
    expect(c).toMatchObject({
      timeZone: 'America/New_York',
      sameDayCutoff: '12:00',
      workingDays: [1, 2, 3, 4, 5],
      holidays: ['2026-12-24', '2026-12-25'],
      degraded: 'SAME_DAY',
      outOfService: 'SAME_DAY',
      hardFaultSubKinds: ['NO_POWER_OR_DISCONNECTED'],
    });
    expect(loadConfig({}).dispatch.timeZone).toBe('Europe/Warsaw');
    for (const [name, value] of [
      ['DISPATCH_TIME_ZONE', 'Europe/Gdansk'],
      ['DISPATCH_SAME_DAY_CUTOFF', '1:30'],
      ['DISPATCH_WORKING_DAYS', '0,1'],
      ['DISPATCH_HOLIDAYS', '24.12.2026'],
      ['DISPATCH_URGENCY_UNCONFIRMED', 'NOW'],
      ['DISPATCH_OUT_OF_SERVICE_KINDS', 'LOW_DS_SNR,BROKEN'],
    ]) {
      expect(() => loadConfig({ [name]: value })).toThrow(name);
    }
  });

  it('speaks English by default, Polish when a Polish call centre sets DEFAULT_LANGUAGE=pl, nothing else', () => {
    expect(loadConfig({}).defaultLanguage).toBe('en');
    expect(loadConfig({ DEFAULT_LANGUAGE: 'pl' }).defaultLanguage).toBe('pl');
    expect(() => loadConfig({ DEFAULT_LANGUAGE: 'de' })).toThrow('DEFAULT_LANGUAGE must be one of en, pl');
  });

  it('stops naming every bad variable at once', () => {
    const bad = {
      PORT: 'eighty',
      SNMP_RETRIES: '9',
      REDIS_URL: 'http://nope',
      SIMULATOR_ENABLED: 'maybe',
      SIMULATOR_SCENARIO_MIX: 'TEXTBOOK=1,BOGUS=2',
      THRESHOLDS_FILE: '/nonexistent/thresholds.json',
      CORS_ORIGINS: '*',
      SNMP_WALK_DEADLINE_MS: '10',
    };
    let message = '';
    try {
      loadConfig(bad);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    for (const name of Object.keys(bad)) {
      expect(message).toContain(name);
    }
    expect(message).toContain('BOGUS');
  });

  it('reads chosen modem shapes, and names an unknown generation or a quirk its generation lacks', () => {
    const fleet = loadConfig({
      SIMULATOR_MODEM_SHAPES: 'sim-cm-00001=2.0,sim-cm-00002=3.0+NO_US_STATUS_TABLE+BRIDGE_WITHOUT_STATUS',
    }).simulator.fleet;
    expect(fleet.shapes).toEqual({
      'sim-cm-00001': { docsis: '2.0', quirks: [] },
      'sim-cm-00002': { docsis: '3.0', quirks: ['NO_US_STATUS_TABLE', 'BRIDGE_WITHOUT_STATUS'] },
    });
    expect(() => loadConfig({ SIMULATOR_MODEM_SHAPES: 'sim-cm-00001=4.0' })).toThrow(
      'SIMULATOR_MODEM_SHAPES: sim-cm-00001: unknown DOCSIS generation 4.0 (known: 2.0, 3.0, 3.1)',
    );
    expect(() => loadConfig({ SIMULATOR_MODEM_SHAPES: 'sim-cm-00001=2.0+DUMMY_SC_QAM_ROWS' })).toThrow(
      'quirk DUMMY_SC_QAM_ROWS does not exist for DOCSIS 2.0 (known: BRIDGE_WITHOUT_STATUS, NO_TIME_OF_DAY, NO_EVENT_LOG)',
    );
    expect(() => loadConfig({ SIMULATOR_MODEM_SHAPES: 'sim-cm-00001' })).toThrow('SIMULATOR_MODEM_SHAPES');
  });
});
