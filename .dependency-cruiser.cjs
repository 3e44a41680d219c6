// @ts-check
// The layers of src/, enforced by `npm run lint` (dependency-cruiser). ARCHITECTURE.md draws the same house.
//
// LAYERS lists every folder under src/, bottom to top: a folder may import only folders listed BEFORE it (its own
// files freely), so the folder graph cannot have a cycle. Files in src/ itself (app.module, main, bootstrap) are the
// top: nothing imports them. To add a folder, put it in the tier where it belongs; to let a folder import another
// that is listed after it, move the imported one down only if that keeps the tiers' meaning (a feature never below
// config, an adapter never below the features whose ports it implements).
const LAYERS = [
  // the shared vocabulary: readings, CMTS rows, verdicts, records; imports nothing
  ['domain'],
  // pure logic and platform helpers: MIB parsing, the diagnosis rules, application errors, interval tasks
  ['common', 'mib', 'diagnosis'],
  // environment → typed AppConfig (the simulator's spec as leaf data)
  ['config'],
  // texts for people: the pl/en message catalogues, the language of a request (features and edges speak through it)
  ['i18n'],
  // features: services and the ports (abstract classes) they need, lowest first
  [
    'readings',
    'cpe',
    'metrics',
    'events',
    'audit',
    'auth',
    'inventory',
    'visits',
    'lines',
    'cmts',
    'checks',
    'nodes',
    'sweep',
    'fleet',
    'actions',
  ],
  // adapters: implement the features' ports over Redis and SNMP; the simulator's SNMP agent
  ['store', 'snmp', 'snmp-agent'],
  // edges: the simulated fleet, MCP tools, the NOC page, HTTP controllers
  ['simulator', 'mcp', 'dashboard', 'api'],
];
const ORDER = LAYERS.flat();

/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
const upward = ORDER.slice(0, -1).map((folder, i) => ({
  name: `layer-${folder}`,
  comment: `src/${folder}/ may import only folders below it in .dependency-cruiser.cjs LAYERS, not ${ORDER.slice(i + 1).join(', ')}`,
  severity: 'error',
  from: { path: `^src/${folder}/` },
  to: { path: `^src/(${ORDER.slice(i + 1).join('|')})/` },
}));

/** Libraries only their adapter folders may import: Redis in store/, SNMP in the client and the simulator's agent. */
const LIBRARY_OWNERS = { ioredis: ['store'], 'net-snmp': ['snmp', 'snmp-agent'] };

/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
const libraryOwners = Object.entries(LIBRARY_OWNERS).map(([library, folders]) => ({
  name: `${library}-only-in-${folders.join('-and-')}`,
  comment: `only ${folders.map((f) => `src/${f}/`).join(' and ')} may import ${library}`,
  severity: 'error',
  from: { path: '^src/', pathNot: `^src/(${folders.join('|')})/` },
  to: { path: `node_modules/${library}/` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'no-import-of-root',
      comment: 'app.module, main and bootstrap sit on top: no folder imports them',
      severity: 'error',
      from: { path: '^src/[^/]+/' },
      to: { path: '^src/[^/]+\\.ts$' },
    },
    {
      name: 'folder-not-in-layers',
      comment: 'every folder under src/ has its place in .dependency-cruiser.cjs LAYERS',
      severity: 'error',
      from: { path: '^src/[^/]+/', pathNot: `^src/(${ORDER.join('|')})/` },
      to: {},
    },
    ...libraryOwners,
    {
      name: 'pure-core',
      comment: 'domain/, mib/ and diagnosis/ are pure: no Nest, Redis, SNMP, queue or HTTP library',
      severity: 'error',
      from: { path: '^src/(domain|mib|diagnosis)/' },
      to: { path: 'node_modules/(@nestjs|ioredis|net-snmp|bullmq|express)/' },
    },
    {
      name: 'no-circular',
      comment: 'no module imports itself through others',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$|^src/dashboard/web/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count: a type from a higher layer ties the folders as much as a value does.
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
