import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// JSON-RPC 2.0 as MCP uses it, briefly: the tools and their arguments are described by tools/list itself.

export class JsonRpcRequestDoc {
  @ApiProperty({ enum: ['2.0'] }) jsonrpc!: '2.0';
  @ApiPropertyOptional({
    oneOf: [{ type: 'string' }, { type: 'integer' }],
    description: 'Absent on notifications.',
    example: 1,
  })
  id?: string | number;
  @ApiProperty({ example: 'tools/call', description: 'initialize, tools/list, tools/call, …' })
  method!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) params?: Record<string, unknown>;
}

export class JsonRpcErrorDoc {
  @ApiProperty({ example: -32700 }) code!: number;
  @ApiProperty({ example: 'Parse error: Invalid JSON-RPC message' }) message!: string;
}

export class JsonRpcResponseDoc {
  @ApiProperty({ enum: ['2.0'] }) jsonrpc!: '2.0';
  @ApiProperty({
    oneOf: [{ type: 'string', nullable: true }, { type: 'integer' }],
    description: 'The request’s id; null when the request could not be read.',
    example: 1,
  })
  id!: string | number | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'On success.' })
  result?: Record<string, unknown>;
  @ApiPropertyOptional({ type: () => JsonRpcErrorDoc, description: 'On a protocol error.' })
  error?: JsonRpcErrorDoc;
}
