import {
  classifyModemEvent,
  eventLevelName,
  eventTextWithoutContext,
  type ModemEventKind,
} from './modem-events';

const CTX = ';CM-MAC=00:1d:cd:00:00:1f;CMTS-MAC=00:17:10:00:00:01;CM-QOS=1.1;CM-VER=3.0;';

/** Texts (and ids) as public modem logs show them: docs/docsis-reference.md §1.6. */
const LOGGED: [number | null, string, ModemEventKind][] = [
  [82000200, `No Ranging Response received - T3 time-out${CTX}`, 'T3_TIMEOUT'],
  [82000500, `Started Unicast Maintenance Ranging - No Response received - T3 time-out${CTX}`, 'T3_TIMEOUT'],
  [
    82000400,
    `Received Response to Broadcast Maintenance Request, But no Unicast Maintenance opportunities received - T4 time out${CTX}`,
    'T4_TIMEOUT',
  ],
  [
    82000600,
    `Unicast Maintenance Ranging attempted - No response - Retries exhausted${CTX}`,
    'RANGING_FAILED',
  ],
  [
    82000800,
    `16 consecutive T3 timeouts while trying to range on upstream channel 0${CTX}`,
    'RANGING_FAILED',
  ],
  [
    84000100,
    `SYNC Timing Synchronization failure - Failed to acquire QAM/QPSK symbol timing;${CTX}`,
    'SYNC_LOSS',
  ],
  [84000500, `SYNC Timing Synchronization failure - Loss of Sync${CTX}`, 'SYNC_LOSS'],
  [68000403, `ToD request sent - No Response received${CTX}`, 'TOD_FAILURE'],
  [null, `Unicast Ranging Received Abort Response - Re-initializing MAC${CTX}`, 'REREGISTRATION'],
  [null, 'Rng Rsp Abort Status - Reinitialize MAC...', 'REREGISTRATION'],
  [null, `DHCP FAILED - Discover sent, no offer received${CTX}`, 'DHCP_FAILURE'],
  [null, `DHCP RENEW sent - No response for IPv4${CTX}`, 'DHCP_FAILURE'],
  [
    null,
    'Tftp Client:: Send: ERROR - Request Retries > kTftpMaxRequestRetryCount ( 16 ) !',
    'CONFIG_FILE_FAILURE',
  ],
  [null, 'Cable Modem Reboot due to power reset', 'REBOOT'],
  [null, 'Resetting the cable modem due to docsDevResetNow', 'REBOOT'],
  [73040100, `TLV-11 - unrecognized OID${CTX}`, 'OTHER'],
  [2436694066, 'Honoring MDD; IP provisioning mode = IPv6', 'OTHER'],
  [null, `DHCP WARNING - Non-critical field invalid in response ${CTX}`, 'OTHER'],
  [null, `REGISTRATION COMPLETE - Waiting for Operational status${CTX}`, 'OTHER'],
  [84020200, `Lost MDD Timeout${CTX}`, 'OTHER'],
];

describe('classifyModemEvent', () => {
  it.each(LOGGED)('event %s "%s" is %s', (eventId, text, kind) => {
    expect(classifyModemEvent({ eventId, text })).toBe(kind);
  });

  it('goes by the id where the text is a vendor’s own wording, and by the text where the id is the vendor’s', () => {
    expect(classifyModemEvent({ eventId: 82000200, text: 'Upstream ranging: no response (timer 3)' })).toBe(
      'T3_TIMEOUT',
    );
    expect(
      classifyModemEvent({ eventId: 2436690003, text: 'No Ranging Response received - T3 time-out' }),
    ).toBe('T3_TIMEOUT');
  });

  it('names a reboot a reboot whatever caused it, the cause staying in the text', () => {
    expect(classifyModemEvent({ eventId: null, text: 'Cable Modem Reboot because of - T4 timeout' })).toBe(
      'REBOOT',
    );
  });

  it('calls an event with neither a known id nor text OTHER', () => {
    expect(classifyModemEvent({ eventId: null, text: null })).toBe('OTHER');
    expect(classifyModemEvent({ eventId: 12345, text: '' })).toBe('OTHER');
  });
});

describe('event levels and texts', () => {
  it('names docsDevEvLevel emergency(1) .. debug(8), nothing else', () => {
    expect(eventLevelName(1)).toBe('emergency');
    expect(eventLevelName(3)).toBe('critical');
    expect(eventLevelName(8)).toBe('debug');
    expect(eventLevelName(null)).toBeNull();
    expect(eventLevelName(9)).toBeNull();
  });

  it('drops the context CM-OSSI appends to a text', () => {
    expect(eventTextWithoutContext(`No Ranging Response received - T3 time-out${CTX}`)).toBe(
      'No Ranging Response received - T3 time-out',
    );
    expect(eventTextWithoutContext(`SYNC Timing Synchronization failure - Loss of Sync;;CM-MAC=x;`)).toBe(
      'SYNC Timing Synchronization failure - Loss of Sync',
    );
    expect(eventTextWithoutContext('Cable Modem Reboot due to power reset')).toBe(
      'Cable Modem Reboot due to power reset',
    );
  });
});
