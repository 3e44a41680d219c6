import { ApiProperty } from '@nestjs/swagger';
import { ROLE } from './admin.response';

// The calling key and what it may do (documentation only).

export class MayResponse {
  @ApiProperty({
    description:
      'May look at lines: verify callers (agent) and see a line’s diagnosis, telemetry and timeline.',
    example: true,
  })
  checkLines!: boolean;
  @ApiProperty({
    description: 'May reboot a modem remotely (operator: any; reboot: a line the key verified).',
    example: true,
  })
  reboot!: boolean;
  @ApiProperty({
    description:
      'Must send the X-Line-Token of a verified line on that line’s data and reboot (a key with none of noc, ' +
      'operator and admin, when LINE_TOKEN_REQUIRED).',
    example: true,
  })
  needsLineToken!: boolean;
}

export class MeResponse {
  @ApiProperty({ description: 'The key’s public id.', example: '3f9a0c1d2e4b' }) keyId!: string;
  @ApiProperty({ example: 'desk' }) name!: string;
  @ApiProperty({ ...ROLE, isArray: true, example: ['agent', 'reboot'] }) roles!: string[];
  @ApiProperty({ type: () => MayResponse }) may!: MayResponse;
}

export const ME_EXAMPLE = {
  keyId: '3f9a0c1d2e4b',
  name: 'desk',
  roles: ['agent', 'reboot'],
  may: { checkLines: true, reboot: true, needsLineToken: true },
};
