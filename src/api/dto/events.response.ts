// GET /api/v1/events as a client sees it: the MessageEvents of EventsController, numbered by Nest.

export const LIVE_EVENTS_EXAMPLE = [
  'event: hello',
  'id: 1',
  'data: {"at":1795612450265}',
  '',
  'event: batch',
  'id: 2',
  'data: {"at":1795612450770,"diagnoses":[{"modemId":"sim-cm-00031","verdict":"LINE_FAULT","cmtsId":"sim-cmts-1",' +
    '"serviceGroupId":"1000.1"}],"moreDiagnoses":0,"sweeps":[{"sweepId":"sw-mww5akv4-5432a1","total":40,' +
    '"done":12,"failed":0,"finished":false}]}',
  '',
  'event: heartbeat',
  'id: 3',
  'data: {"at":1795612465265}',
  '',
  '',
].join('\n');
