import { ApiProperty } from '@nestjs/swagger';

// A captured walk registered for replay (documentation only). Present only when SIMULATOR_ENABLED.

export class ReplayResponse {
  @ApiProperty({
    description:
      'The device id, also its SNMP community on the simulator agent; the same capture gets the same id.',
    example: 'replay-3f9a0c1d2b7e',
  })
  id!: string;
  @ApiProperty({ enum: ['modem', 'cmts'] }) kind!: 'modem' | 'cmts';
  @ApiProperty({ enum: ['snmpwalk', 'snmprec'] }) format!: 'snmpwalk' | 'snmprec';
  @ApiProperty({ description: 'Objects the replay serves.', example: 476 }) objects!: number;
  @ApiProperty({
    description: 'Lines where the walk reported noSuchObject, noSuchInstance or endOfMibView (no object).',
    example: 1,
  })
  exceptions!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'A modem’s cable MAC (given, or read from the capture); null when unknown or for a CMTS.',
    example: '00:1d:cd:5a:00:04',
  })
  mac!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'A modem’s CMTS, when given.', example: null })
  cmtsId!: string | null;
  @ApiProperty({ description: 'Where to go next.', example: '/api/v1/modems/replay-3f9a0c1d2b7e/diagnosis' })
  next!: string;
  @ApiProperty({ example: '2026-12-03T10:42:52.000Z' }) registeredAt!: string;
}
