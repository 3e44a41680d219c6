import 'reflect-metadata';
import { startApp } from './bootstrap';
import { loadConfigOrExit } from './config/app-config';

void startApp(loadConfigOrExit(process.env));
