import { Injectable } from '@nestjs/common';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { RebootService } from '../actions/reboot.service';
import { AppError } from '../common/app-errors';
import { hasRole, type Caller } from '../domain/api-key';
import type { Lang } from '../domain/language';
import { Messages, type Say } from '../i18n/messages';
import { LineCheckService } from '../checks/line-check.service';
import { InventoryService } from '../inventory/inventory.service';
import { LineTokensService } from '../lines/line-tokens.service';
import { VerificationService } from '../lines/verification.service';
import { NodesService } from '../nodes/nodes.service';
import { StoreUnavailableError } from '../common/store-unavailable.error';
import { refuse, type ToolContext, type ToolServer } from './tool-context';
import { LINE_TOOLS } from './tools';

/**
 * The MCP tools, built per request for the calling key: results are written for an LLM talking to a
 * customer (the verdict, what to tell the customer, what to do next), and reboot_modem is enabled only for
 * keys that may reboot (operator, or reboot: then only a line the key verified, by its line token). Texts come from the catalogues in the request's language (Accept-Language), or a call's own.
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
    private readonly messages: Messages,
  ) {}

  /** The server for one request by this key; acceptLanguage: the request's Accept-Language header. */
  serverFor(caller: Caller, acceptLanguage?: string): McpServer {
    const server = new McpServer({ name: 'linecheck', version: '0.1.0' });
    const tools: ToolServer = {
      say: this.messages.in(this.messages.negotiate(acceptLanguage)),
      call: (lang) => this.context(caller, lang),
    };
    for (const tool of LINE_TOOLS) {
      const registered = tool.register(server, tools);
      if (tool.roles && !hasRole(caller, tool.roles)) {
        registered.disable();
      }
    }
    return server;
  }

  private context(caller: Caller, lang: Lang): ToolContext {
    const say = this.messages.in(lang);
    return {
      caller,
      say,
      verification: this.verification,
      checks: this.checks,
      inventory: this.inventory,
      nodes: this.nodes,
      reboots: this.reboots,
      run: (work) => this.run(say, work),
      runForLine: (modem, token, work) =>
        this.run(say, async () => (await this.lineAccess(say, caller, modem, token)) ?? (await work())),
    };
  }

  /** Keys with none of noc, operator and admin must hold this line's token; others may look at any line. */
  private async lineAccess(
    say: Say,
    caller: Caller,
    modem: string,
    token: string | undefined,
  ): Promise<CallToolResult | null> {
    if (!this.tokens.needsToken(caller) || (await this.tokens.allows(token, modem, caller))) {
      return null;
    }
    return refuse(
      token ? say('mcp.refusal.tokenInvalid', { modemId: modem }) : say('mcp.refusal.verifyFirst'),
    );
  }

  private async run(say: Say, work: () => Promise<CallToolResult>): Promise<CallToolResult> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof StoreUnavailableError) {
        return refuse(say('mcp.refusal.storeUnavailable'));
      }
      if (error instanceof AppError) {
        // The services' own wording (shared with the REST API), in English until those errors get catalogue keys.
        return refuse(error.message);
      }
      throw error;
    }
  }
}
