import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { Messages } from './messages';

/** The message catalogues for every module: the default language and the operator's time zone from the config. */
@Global()
@Module({
  providers: [
    {
      provide: Messages,
      useFactory: (config: AppConfig) =>
        new Messages({ defaultLanguage: config.defaultLanguage, timeZone: config.dispatch.timeZone }),
      inject: [AppConfig],
    },
  ],
  exports: [Messages],
})
export class I18nModule {}
