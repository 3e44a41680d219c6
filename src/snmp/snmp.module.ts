import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ModemPoller } from './modem-poller';
import { SnmpClient } from './snmp-client';

@Module({
  providers: [
    { provide: SnmpClient, inject: [AppConfig], useFactory: (c: AppConfig) => new SnmpClient(c.snmp) },
    {
      provide: ModemPoller,
      inject: [SnmpClient],
      useFactory: (client: SnmpClient) => new ModemPoller(client),
    },
  ],
  exports: [ModemPoller, SnmpClient],
})
export class SnmpModule {}
