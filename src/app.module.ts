import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { ApiModule } from './api/api.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { ErrorFilter } from './api/error.filter';
import { RequestBodyInterceptor } from './api/request-body';
import { validationPipe } from './api/validation';
import { AppConfig } from './config/app-config';
import { I18nModule } from './i18n/i18n.module';
import { SnmpModule } from './snmp/snmp.module';
import { SimulatorApiModule } from './api/simulator-api.module';
import { StoreModule } from './store/store.module';

@Global()
@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ScheduleModule.forRoot(),
        I18nModule,
        SnmpModule,
        StoreModule,
        AuthModule,
        AuditModule,
        ApiModule,
        DashboardModule,
        ...(config.simulator.enabled ? [SimulatorApiModule] : []),
      ],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: APP_PIPE, useFactory: validationPipe },
        { provide: APP_FILTER, useClass: ErrorFilter },
        // Bodies are read after the guards (key, role, rate limit), with each route's own limit.
        { provide: APP_INTERCEPTOR, useClass: RequestBodyInterceptor },
      ],
      exports: [AppConfig],
    };
  }
}
