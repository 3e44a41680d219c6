import type { McpServer, RegisteredTool } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { RebootService } from '../actions/reboot.service';
import type { LineCheckService } from '../checks/line-check.service';
import type { Caller } from '../domain/api-key';
import type { InventoryService } from '../inventory/inventory.service';
import type { VerificationService } from '../lines/verification.service';
import type { NodesService } from '../nodes/nodes.service';

/** What a tool's handler works with: the calling key, the services, and the shared guards. */
export interface ToolContext {
  readonly caller: Caller;
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

/** One MCP tool: how to register it on a server for one caller. */
export interface LineTool {
  /** Registered for every key, but enabled only for operator keys. */
  readonly operatorOnly?: boolean;
  register(server: McpServer, ctx: ToolContext): RegisteredTool;
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
