import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTION, CallScriptResponse, VERDICT } from './diagnosis.response';
import { oneOfOrNull } from './error.response';
import { CUSTOMER_SERVICES, type CustomerService } from '../../domain/modem-record';

// Caller verification and remote actions (documentation only).

export class LineGrantResponse {
  @ApiProperty({ description: 'The customer’s line (modem id).', example: 'sim-cm-00001' }) modemId!: string;
  @ApiProperty({
    description:
      'Send as X-Line-Token on this line’s diagnosis, telemetry, pre-equalisation, timeline and history. Valid for this line and ' +
      'this API key only, until expiresAt.',
    example: 'lt_rOqbdfJH6N-EbfAv68OH1-1sQAN6ASz-',
  })
  lineToken!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class VerifyResultResponse {
  @ApiProperty({ description: 'Whether the caller matched; a failure never says which part did not.' })
  verified!: boolean;
  @ApiPropertyOptional({ description: 'verified: the normalised customer number.', example: 'C1000001' })
  customerNumber?: string;
  @ApiPropertyOptional({ type: [LineGrantResponse], description: 'verified: the customer’s lines.' })
  lines?: LineGrantResponse[];
  @ApiPropertyOptional({
    description:
      'verified: what the customer subscribes to (the union over their matched lines), in the order internet, tv, ' +
      'phone; null when no record says (not known, which is not "none").',
    type: 'array',
    items: { type: 'string', enum: [...CUSTOMER_SERVICES] },
    nullable: true,
    example: ['internet', 'tv'],
  })
  services?: CustomerService[] | null;
  @ApiPropertyOptional({
    type: [CallScriptResponse],
    description:
      'verified: what to say if the call is not about the line (a service the customer does not have, their own ' +
      'equipment, questions outside the service), most fitting first, in the request’s language (Accept-Language).',
  })
  scripts?: CallScriptResponse[];
  @ApiPropertyOptional({
    description: 'not verified: attempts left before this customer number is locked.',
    example: 4,
  })
  attemptsLeft?: number;
  @ApiPropertyOptional({
    description: 'not verified, no attempts left: how long the number is now locked, seconds.',
    example: 900,
  })
  lockedForSec?: number;
}

export const VERIFIED_EXAMPLE = {
  verified: true,
  customerNumber: 'C1000001',
  lines: [
    {
      modemId: 'sim-cm-00001',
      lineToken: 'lt_rOqbdfJH6N-EbfAv68OH1-1sQAN6ASz-',
      expiresAt: '2026-11-25T13:29:23.197Z',
    },
  ],
  services: ['internet', 'tv'],
  scripts: [
    {
      code: 'SERVICE_NOT_SUBSCRIBED',
      title: 'A service the customer does not have with us',
      text:
        'I can see that this service is not part of your contract with us at this address, so I cannot check it ' +
        'from here. If you have it from another provider, their customer service will help you. If you would ' +
        'like to have it from us, I can put you through to our sales team.',
    },
    {
      code: 'OUTSIDE_SERVICE',
      title: 'Outside our service',
      text:
        'I am sorry, but that is outside the service we provide: we look after the connection to your home. ' +
        'Websites, e-mail accounts with other providers and devices bought elsewhere are looked after by their ' +
        'providers or sellers. What I can do is check that your connection itself is working properly.',
    },
  ],
};

const ACTION_STATE = {
  enum: ['resetting', 'waiting_for_modem', 'done', 'failed'],
  enumName: 'ActionState',
};

export class ActorResponse {
  @ApiProperty({ description: 'The API key’s public id.', example: '3f9a0c1d2e4b' }) keyId!: string;
  @ApiProperty({ example: 'noc-ops-1' }) name!: string;
}

export class ActionStepResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty(ACTION_STATE) state!: string;
  @ApiProperty({ example: 'SET docsDevResetNow.0 = 1' }) note!: string;
}

export class ActionOutcomeResponse {
  @ApiProperty(VERDICT) verdict!: string;
  @ApiProperty() summary!: string;
  @ApiProperty(ACTION) action!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'The modem’s uptime after the reset.' })
  uptimeSec!: number | null;
}

export class RemoteActionResponse {
  @ApiProperty({ example: 'act-mww5arux-19daa6' }) id!: string;
  @ApiProperty({ enum: ['reboot'] }) kind!: 'reboot';
  @ApiProperty({ example: 'sim-cm-00001' }) modemId!: string;
  @ApiProperty({ example: 'MARGINAL: uncorrectables on DS 1-3, customer consents' }) reason!: string;
  @ApiProperty({ type: () => ActorResponse }) requestedBy!: ActorResponse;
  @ApiProperty({ enum: ['http', 'mcp'] }) channel!: 'http' | 'mcp';
  @ApiProperty({ ...ACTION_STATE, description: 'done and failed are final.' }) state!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: [ActionStepResponse] }) steps!: ActionStepResponse[];
  @ApiProperty({
    ...oneOfOrNull(ActionOutcomeResponse),
    description: 'The diagnosis once the modem is back (or when following it gave up); null until then.',
  })
  outcome!: ActionOutcomeResponse | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the action failed.' }) error!: string | null;
}

export const ACTION_STARTED_EXAMPLE = {
  id: 'act-mww5arux-19daa6',
  kind: 'reboot',
  modemId: 'sim-cm-00001',
  reason: 'MARGINAL: uncorrectables on DS 1-3, customer consents',
  requestedBy: { keyId: '3f9a0c1d2e4b', name: 'noc-ops-1' },
  channel: 'http',
  state: 'resetting',
  createdAt: '2026-11-25T13:14:23.241Z',
  updatedAt: '2026-11-25T13:14:23.241Z',
  steps: [{ at: '2026-11-25T13:14:23.241Z', state: 'resetting', note: 'SET docsDevResetNow.0 = 1' }],
  outcome: null,
  error: null,
};

export const ACTION_DONE_EXAMPLE = {
  ...ACTION_STARTED_EXAMPLE,
  state: 'done',
  updatedAt: '2026-11-25T13:14:29.388Z',
  steps: [
    ...ACTION_STARTED_EXAMPLE.steps,
    {
      at: '2026-11-25T13:14:23.262Z',
      state: 'waiting_for_modem',
      note: 'reset accepted; waiting for the modem to answer again',
    },
    { at: '2026-11-25T13:14:29.388Z', state: 'done', note: 'back after 6 s' },
  ],
  outcome: {
    verdict: 'TEXTBOOK_OK',
    summary:
      'Line and modem are within spec; an AVM (FRITZ!Box) router is connected: have the customer test with a ' +
      'computer wired directly to the modem, bypassing the router.',
    action: 'CHECK_CUSTOMER_EQUIPMENT',
    uptimeSec: 1.2,
  },
};
