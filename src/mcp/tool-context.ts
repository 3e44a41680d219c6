import type { McpServer, RegisteredTool } from '@modelcontextprotocol/sdk/server/mcp.js';
import type {
  AnySchema,
  ShapeOutput,
  ZodRawShapeCompat,
} from '@modelcontextprotocol/sdk/server/zod-compat.js';
import type { CallToolResult, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { RebootService } from '../actions/reboot.service';
import type { LineCheckService } from '../checks/line-check.service';
import type { Caller, Role } from '../domain/api-key';
import { LANGS, type Lang } from '../domain/language';
import type { MessageKey, Say } from '../i18n/messages';
import type { InventoryService } from '../inventory/inventory.service';
import type { VerificationService } from '../lines/verification.service';
import type { NodesService } from '../nodes/nodes.service';

/** What a tool's handler works with for one call: the calling key, the call's language, the services, the guards. */
export interface ToolContext {
  readonly caller: Caller;
  /** The call's texts: its `language` argument, else the request's Accept-Language, else the default. */
  readonly say: Say;
  readonly verification: VerificationService;
  readonly checks: LineCheckService;
  readonly inventory: InventoryService;
  readonly nodes: NodesService;
  readonly reboots: RebootService;
  /** Runs a handler, turning store outages and HTTP errors into refusals the agent can read. */
  run(work: () => Promise<CallToolResult>): Promise<CallToolResult>;
  /** As run, for a tool about one line: refused unless the caller may look at this line (agent keys: its token). */
  runForLine(
    modem: string,
    token: string | undefined,
    work: () => Promise<CallToolResult>,
  ): Promise<CallToolResult>;
}

/** One request's server: tools/list speaks the request's language; each call may ask for its own. */
export interface ToolServer {
  /** The request's texts (Accept-Language, else the default): titles, descriptions, argument descriptions. */
  readonly say: Say;
  /** The context of one call in a language. */
  call(lang: Lang): ToolContext;
}

/** One MCP tool: how to register it on a server for one caller. */
export interface LineTool {
  /** Registered for every key, but enabled only for keys with one of these roles (admin has every one). */
  readonly roles?: readonly Role[];
  register(server: McpServer, tools: ToolServer): RegisteredTool;
}

/** One MCP tool as data: what tools/list shows for it (from the catalogues), and the work it does for a call. */
export interface ToolSpec<Shape extends ZodRawShapeCompat> {
  readonly name: string;
  readonly title: MessageKey;
  readonly description: MessageKey;
  /**
   * The arguments, their descriptions in the request's language; every tool also takes `language`. Annotate
   * `(say: Say)`: an untyped parameter defers Shape's inference until after forLine is checked.
   */
  input(say: Say): Shape;
  readonly annotations: ToolAnnotations;
  /** Registered for every key, but enabled only for keys with one of these roles (admin has every one). */
  readonly roles?: readonly Role[];
  /** A tool about one line (modem_id, line_token): run only if the caller may look at it (ToolContext.runForLine). */
  readonly forLine?: Shape extends { modem_id: AnySchema; line_token: AnySchema } ? true : never;
  run(args: ShapeOutput<Shape>, ctx: ToolContext): Promise<CallToolResult>;
}

/** A tool from its spec: registers it with its handler inside ToolContext.run (or runForLine for a line tool). */
export function defineTool<Shape extends ZodRawShapeCompat>(spec: ToolSpec<Shape>): LineTool {
  const { name, title, description, annotations, roles, forLine } = spec;
  return {
    ...(roles && { roles }),
    register: (server, tools) =>
      server.registerTool<ZodRawShapeCompat, ZodRawShapeCompat>(
        name,
        {
          title: tools.say(title),
          description: tools.say(description),
          inputSchema: {
            ...spec.input(tools.say),
            language: z.enum(LANGS).optional().describe(tools.say('mcp.arg.language')),
          },
          annotations,
        },
        (args) => {
          const { language } = args as { language?: Lang };
          const ctx = tools.call(language ?? tools.say.lang);
          const work = (): Promise<CallToolResult> => spec.run(args as ShapeOutput<Shape>, ctx);
          if (!forLine) {
            return ctx.run(work);
          }
          const line = args as { modem_id: string; line_token?: string };
          return ctx.runForLine(line.modem_id, line.line_token, work);
        },
      ),
  };
}

export function answer(text: string, data: unknown): CallToolResult {
  return {
    content: [{ type: 'text', text }],
    ...(data != null && { structuredContent: { result: JSON.parse(JSON.stringify(data)) as unknown } }),
  };
}

export function refuse(text: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text }] };
}
