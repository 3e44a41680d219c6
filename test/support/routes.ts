import { RequestMethod, type Type } from '@nestjs/common';
import {
  GUARDS_METADATA,
  HTTP_CODE_METADATA,
  METHOD_METADATA,
  PATH_METADATA,
} from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { Role } from '../../src/domain/api-key';
import { PUBLIC_KEY, ROLES_KEY } from '../../src/auth/roles.decorator';
import { LineTokenGuard } from '../../src/lines/line-token.guard';
import type { TestApp } from './test-app';

// The app's route table, walked two ways (what Express serves, what the controllers declare), so tests that must
// cover every route (the OpenAPI document, access rules) cannot miss a new one.

/** What the guards know about one route, read from the controllers' metadata. */
export interface RouteFacts {
  isPublic: boolean;
  roles: readonly Role[];
  needsLineToken: boolean;
  fixedStatus: number | undefined;
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every route Express will serve, as "get /api/v1/modems/:id" (Nest registers its routes on the app router). */
export function servedRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  return express.router.stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods)
          .filter((m) => m !== '_all')
          .map((m) => `${m} ${layer.route!.path}`)
      : [],
  );
}

/** Every controller route with its access rules, keyed like servedRoutes. */
export function controllerRoutes(t: TestApp): Map<string, RouteFacts> {
  const routes = new Map<string, RouteFacts>();
  const scanner = new MetadataScanner();
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown>;
      const prototype = controller.prototype as Record<string, object>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (methodPath === undefined) {
          continue;
        }
        const path = `/${Reflect.getMetadata(PATH_METADATA, controller) as string}/${methodPath}`
          .replace(/\/+/g, '/')
          .replace(/(.)\/$/, '$1');
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const meta = (key: string): unknown =>
          Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
        const guards = [
          ...((Reflect.getMetadata(GUARDS_METADATA, controller) as unknown[] | undefined) ?? []),
          ...((Reflect.getMetadata(GUARDS_METADATA, handler) as unknown[] | undefined) ?? []),
        ];
        routes.set(`${method.toLowerCase()} ${path}`, {
          isPublic: meta(PUBLIC_KEY) === true,
          roles: (meta(ROLES_KEY) as Role[] | undefined) ?? ['admin'],
          needsLineToken: guards.includes(LineTokenGuard),
          fixedStatus: Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined,
        });
      }
    }
  }
  return routes;
}
