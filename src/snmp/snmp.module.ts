import { Global, Module } from '@nestjs/common';
import { CmtsPoller } from '../cmts/cmts-poller';
import { ModemPoller } from '../checks/modem-poller';
import { AppConfig } from '../config/app-config';
import { SnmpCmtsPoller } from './snmp-cmts-poller';
import { SnmpModemPoller } from './snmp-modem-poller';
import { SnmpClient } from './snmp-client';

/** The SNMP adapter: implements the features' ports (checks/ModemPoller, cmts/CmtsPoller) with one SnmpClient. */
@Global()
@Module({
  providers: [
    { provide: SnmpClient, inject: [AppConfig], useFactory: (c: AppConfig) => new SnmpClient(c.snmp) },
    {
      provide: ModemPoller,
      inject: [SnmpClient, AppConfig],
      useFactory: (client: SnmpClient, c: AppConfig) =>
        new SnmpModemPoller(client, Date.now, c.retention.eventLogRows),
    },
    {
      provide: CmtsPoller,
      inject: [SnmpClient],
      useFactory: (client: SnmpClient) => new SnmpCmtsPoller(client),
    },
  ],
  exports: [ModemPoller, CmtsPoller],
})
export class SnmpModule {}
