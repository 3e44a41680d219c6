import { Public } from '../auth/roles.decorator';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { StoreHealth } from '../common/store-health';
import { HealthDocs } from './docs/health.docs';

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(@Inject(StoreHealth) private readonly store: StoreHealth) {}

  @Get()
  @HealthDocs.health()
  async health(): Promise<{ status: 'ok'; store: string }> {
    await this.store.ping();
    return { status: 'ok', store: this.store.kind };
  }
}
