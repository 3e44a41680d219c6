import { Module } from '@nestjs/common';
import { CmtsPoller } from '../snmp/cmts-poller';
import { SnmpClient } from '../snmp/snmp-client';
import { SnmpModule } from '../snmp/snmp.module';
import { CmtsService } from './cmts.service';
import { DiscoveryScheduler } from './discovery.scheduler';

@Module({
  imports: [SnmpModule],
  providers: [
    CmtsService,
    DiscoveryScheduler,
    {
      provide: CmtsPoller,
      inject: [SnmpClient],
      useFactory: (client: SnmpClient) => new CmtsPoller(client),
    },
  ],
  exports: [CmtsService],
})
export class CmtsModule {}
