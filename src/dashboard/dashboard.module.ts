import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import express from 'express';
import { join } from 'node:path';

/**
 * The NOC dashboard's static files (built by `npm run build:dashboard` into public/dashboard). The page itself is
 * public: it holds no data. Every figure it shows comes from the API with the noc key the user signs in with.
 */
export const DASHBOARD_DIR = join(__dirname, '..', '..', 'public', 'dashboard');
/** The call-centre agent's console (public/console, the same build): static too, its data needs an agent key. */
export const CONSOLE_DIR = join(__dirname, '..', '..', 'public', 'console');

@Module({})
export class DashboardModule implements OnModuleInit {
  constructor(private readonly http: HttpAdapterHost) {}

  /**
   * A missing file falls through to the app's own JSON 404 (`Cannot GET /dashboard/…`): serve-static's errors
   * name the absolute path on disk, which no client has any business knowing.
   */
  onModuleInit(): void {
    const app = this.http.httpAdapter.getInstance<express.Express>();
    app.use('/dashboard', express.static(DASHBOARD_DIR, { index: 'index.html', fallthrough: true }));
    app.use('/console', express.static(CONSOLE_DIR, { index: 'index.html', fallthrough: true }));
  }
}
