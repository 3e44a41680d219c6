import { Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { join } from 'node:path';

/**
 * The NOC dashboard's static files (built by `npm run build:dashboard` into public/dashboard). The page itself is
 * public: it holds no data. Every figure it shows comes from the API with the noc key the user signs in with.
 */
export const DASHBOARD_DIR = join(__dirname, '..', '..', 'public', 'dashboard');

@Module({
  imports: [
    ServeStaticModule.forRoot({
      rootPath: DASHBOARD_DIR,
      serveRoot: '/dashboard',
      serveStaticOptions: { index: 'index.html', fallthrough: false },
    }),
  ],
})
export class DashboardModule {}
