import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { CUSTOMER_SERVICES, type CustomerService } from '../../domain/modem-record';
import { AUTH_PROTOCOLS, PRIV_PROTOCOLS } from '../../domain/snmp-target';
import { FieldProblemResponse } from './error.response';

// Inventory responses (documentation only). SNMP secrets are never shown back: only the version, and the v3
// user and protocols.

export class SnmpV2cViewResponse {
  @ApiProperty({ enum: ['2c'] }) version!: '2c';
}

export class SnmpV3ViewResponse {
  @ApiProperty({ enum: ['3'] }) version!: '3';
  @ApiProperty({ example: 'linecheck' }) user!: string;
  @ApiProperty({ enum: [...AUTH_PROTOCOLS] }) authProtocol!: string;
  @ApiProperty({ enum: [...PRIV_PROTOCOLS] }) privProtocol!: string;
}

export class CustomerResponse {
  @ApiProperty({ description: 'Normalised: upper case, no spaces or dashes.', example: 'C1000001' })
  customerNumber!: string;
  @ApiPropertyOptional({ example: 'Jan Iksiński' }) fullName?: string;
  @ApiPropertyOptional({ example: 'ul. Długa 5 m. 12, 00-950 Warszawa' }) address?: string;
  @ApiPropertyOptional({
    description:
      'What the customer subscribes to on this line, in this order: internet, tv, phone. Absent: not known ' +
      '(never "none").',
    type: 'array',
    items: { type: 'string', enum: [...CUSTOMER_SERVICES] },
    example: ['internet', 'tv'],
  })
  services?: CustomerService[];
}

export class ModemViewResponse {
  @ApiProperty({ example: 'sim-cm-00001' }) id!: string;
  @ApiProperty({ example: '10.20.1.17' }) host!: string;
  @ApiProperty({ example: 161 }) port!: number;
  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(SnmpV2cViewResponse) }, { $ref: getSchemaPath(SnmpV3ViewResponse) }],
    description: 'How the modem is polled, without its secrets.',
  })
  snmp!: SnmpV2cViewResponse | SnmpV3ViewResponse;
  @ApiPropertyOptional({ description: 'Lower case.', example: '00:1d:cd:42:00:00' }) mac?: string;
  @ApiPropertyOptional({ example: 'sim-cmts-1' }) cmtsId?: string;
  @ApiPropertyOptional({ type: () => CustomerResponse }) customer?: CustomerResponse;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export const MODEM_EXAMPLE = {
  id: 'sim-cm-00001',
  host: '10.20.1.17',
  port: 161,
  snmp: { version: '2c' },
  mac: '00:1d:cd:42:00:00',
  cmtsId: 'sim-cmts-1',
  customer: {
    customerNumber: 'C1000001',
    fullName: 'Jan Iksiński',
    address: 'ul. Długa 5 m. 12, 00-950 Warszawa',
    services: ['internet', 'tv'],
  },
  createdAt: '2026-11-25T13:13:55.162Z',
  updatedAt: '2026-11-25T13:13:55.169Z',
};

export class ModemPageResponse {
  @ApiProperty({ description: 'Modems in the inventory.', example: 200 }) total!: number;
  @ApiProperty({ example: 0 }) offset!: number;
  @ApiProperty({ type: [ModemViewResponse], description: 'In id order.' }) items!: ModemViewResponse[];
}

export class ImportErrorResponse {
  @ApiProperty({
    description: 'The row: the line for JSON lines, the data row (from 1) for CSV; 0 for the whole file.',
    example: 2,
  })
  row!: number;
  @ApiPropertyOptional({ description: 'The row’s modem id, when it had one.', example: 'cm-a2' }) id?: string;
  @ApiProperty({ example: 'mac: mac must be a MAC address like 00:1d:cd:12:34:56' }) message!: string;
  @ApiPropertyOptional({ type: [FieldProblemResponse] }) fields?: FieldProblemResponse[];
}

export class ImportResultResponse {
  @ApiProperty({ description: 'Rows read.', example: 2 }) received!: number;
  @ApiProperty({ example: 1 }) created!: number;
  @ApiProperty({ example: 0 }) updated!: number;
  @ApiProperty({ example: 1 }) failed!: number;
  @ApiProperty({ type: [ImportErrorResponse], description: 'One per failed row.' })
  errors!: ImportErrorResponse[];
}
