import { ApiProperty } from '@nestjs/swagger';

export class HealthResponse {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ enum: ['redis', 'memory'], description: 'The telemetry store in use; it answered a ping.' })
  store!: string;
}
