import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { CAPTURE_FORMATS, type CaptureFormat } from '../../mib/parse-capture';
import { CmtsIdField } from './modem.dto';

export const REPLAY_KINDS = ['modem', 'cmts'] as const;

export class ReplayQuery {
  @ApiPropertyOptional({
    enum: REPLAY_KINDS,
    default: 'modem',
    description:
      'Register the replayed device as a modem (diagnose it) or as a CMTS (the headend of modems).',
  })
  @IsOptional()
  @IsIn(REPLAY_KINDS, { message: 'as must be modem or cmts' })
  as: (typeof REPLAY_KINDS)[number] = 'modem';

  @ApiPropertyOptional({
    enum: CAPTURE_FORMATS,
    description: 'The capture format; default: told from its first line (snmprec lines are oid|tag|value).',
  })
  @IsOptional()
  @IsIn(CAPTURE_FORMATS, { message: 'format must be snmpwalk or snmprec' })
  format?: CaptureFormat;

  @CmtsIdField(
    'For a modem: the CMTS it registers on (e.g. a replayed CMTS), so its diagnosis has the CMTS view.',
    'replay-cmts-5b0e1f2a9c3d',
  )
  cmtsId?: string;

  @ApiPropertyOptional({
    description:
      'For a modem: its cable MAC, to find its CMTS row; default: read from the capture (BRIDGE-MIB self entry, ' +
      'or the ifPhysAddress of its cable MAC interface).',
    pattern: '^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$',
    example: '00:1d:cd:12:34:56',
  })
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/, {
    message: 'mac must be a MAC address like 00:1d:cd:12:34:56',
  })
  mac?: string;

  @ApiPropertyOptional({
    description: 'For a CMTS: its upstream receive set point, dBmV.',
    minimum: -30,
    maximum: 30,
    default: 0,
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(-30)
  @Max(30)
  setPointDbmv?: number;
}
