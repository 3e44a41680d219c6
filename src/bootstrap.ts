import { Logger, type INestApplication, type LoggerService, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { AddressInfo } from 'node:net';
import { answerClientErrors } from './api/client-errors';
import { setupOpenApi } from './api/openapi';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Builds and starts the HTTP app; shared by main.ts and the e2e tests. */
export async function startApp(
  config: AppConfig,
  options: { logger?: boolean | LoggerService } = {},
): Promise<INestApplication> {
  const logger =
    typeof options.logger === 'object'
      ? options.logger
      : options.logger === false
        ? false
        : LEVELS.slice(0, LEVELS.indexOf(config.logLevel as LogLevel) + 1);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    logger,
    bodyParser: false,
  });
  app.use(
    helmet({
      // Swagger UI at /docs styles itself inline; scripts stay 'self' only (the dashboard is one bundled file).
      contentSecurityPolicy: {
        directives: {
          'style-src': ["'self'", "'unsafe-inline'"],
          // Over plain HTTP (the usual case inside the ISP's network) this would send the page's assets to https.
          'upgrade-insecure-requests': config.http.httpsOnly ? [] : null,
        },
      },
      // HSTS only where the service is reached over HTTPS alone (HTTPS_ONLY): a proxy in front terminates TLS.
      strictTransportSecurity: config.http.httpsOnly,
      // A JSON API called from tools: no reason to be embedded, and no referrer to leak ids in.
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  // Off unless CORS_ORIGINS names the browser origins that may call the API from another site.
  if (config.http.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.http.corsOrigins,
      allowedHeaders: ['Authorization', 'X-API-Key', 'X-Line-Token', 'Idempotency-Key', 'Content-Type'],
      exposedHeaders: ['Idempotent-Replayed'],
    });
  }
  answerClientErrors(app.getHttpServer());
  // On SIGTERM/SIGINT: close every module, then exit with 0 (a clean stop, not a death by the signal).
  app.enableShutdownHooks(undefined, { useProcessExit: true });
  setupOpenApi(app);
  await app.listen(config.http.port, config.http.host);
  if (options.logger !== false) {
    // The real port: PORT=0 asks the OS for a free one.
    const address = app.getHttpServer().address() as AddressInfo;
    new Logger('Linecheck').log(`listening on http://${config.http.host}:${address.port}`);
  }
  return app;
}
