import { Injectable } from '@nestjs/common';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { RebootService } from '../actions/reboot.service';
import { AppError } from '../common/app-errors';
import { hasRole, type Caller } from '../domain/api-key';
import { LineCheckService } from '../checks/line-check.service';
import { InventoryService } from '../inventory/inventory.service';
import { LineTokensService } from '../lines/line-tokens.service';
import { VerificationService } from '../lines/verification.service';
import { NodesService } from '../nodes/nodes.service';
import { StoreUnavailableError } from '../common/store-unavailable.error';
import { refuse, type ToolContext } from './tool-context';
import { LINE_TOOLS } from './tools';

/**
 * The MCP tools, built per request for the calling key: results are written for an LLM talking to a
 * customer (the verdict, what to tell the customer, what to do next), and reboot_modem exists only for
 * operator keys.
 */
@Injectable()
export class LineTools {
  constructor(
    private readonly verification: VerificationService,
    private readonly tokens: LineTokensService,
    private readonly checks: LineCheckService,
    private readonly inventory: InventoryService,
    private readonly nodes: NodesService,
    private readonly reboots: RebootService,
  ) {}

  serverFor(caller: Caller): McpServer {
    const server = new McpServer({ name: 'linecheck', version: '0.1.0' });
    const ctx: ToolContext = {
      caller,
      verification: this.verification,
      checks: this.checks,
      inventory: this.inventory,
      nodes: this.nodes,
      reboots: this.reboots,
      run: (work) => this.run(work),
      runForLine: (modem, token, work) =>
        this.run(async () => (await this.lineAccess(caller, modem, token)) ?? (await work())),
    };
    const operator = hasRole(caller, ['operator']);
    for (const tool of LINE_TOOLS) {
      const registered = tool.register(server, ctx);
      if (tool.operatorOnly && !operator) {
        registered.disable();
      }
    }
    return server;
  }

  /** Agent-only keys must hold this line's token; others may look at any line. */
  private async lineAccess(
    caller: Caller,
    modem: string,
    token: string | undefined,
  ): Promise<CallToolResult | null> {
    if (!this.tokens.needsToken(caller) || (await this.tokens.allows(token, modem, caller))) {
      return null;
    }
    return refuse(
      token
        ? `The line_token is not valid for ${modem} (expired, or for another line). Verify the caller again.`
        : 'Verify the caller first with verify_caller, then pass the line_token it returns for this line.',
    );
  }

  private async run(work: () => Promise<CallToolResult>): Promise<CallToolResult> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof StoreUnavailableError) {
        return refuse('Linecheck cannot reach its data store right now. Try again in a minute.');
      }
      if (error instanceof AppError) {
        return refuse(error.message);
      }
      throw error;
    }
  }
}
