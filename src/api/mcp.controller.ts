import { Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Response } from 'express';
import type { AuthedRequest } from '../auth/caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { LineTools } from '../mcp/line-tools';
import { McpDocs } from './docs/mcp.docs';

/**
 * MCP over streamable HTTP, stateless: each POST gets a server built for the calling key (same keys, roles and
 * rate limits as the REST API), so any instance can answer any request.
 */
@ApiTags('mcp')
@Controller('mcp')
@Roles('agent', 'noc', 'operator')
export class McpController {
  constructor(private readonly tools: LineTools) {}

  @Post()
  @McpDocs.handle()
  async handle(@Req() req: AuthedRequest, @Res() res: Response): Promise<void> {
    const server = this.tools.serverFor(req.caller!, req.headers['accept-language']);
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  }

  /** Stateless: no server-initiated stream and no session to end. */
  @Get()
  @HttpCode(405)
  @McpDocs.stream()
  stream(): { statusCode: number; error: string; message: string } {
    return {
      statusCode: 405,
      error: 'Method Not Allowed',
      message: 'this MCP endpoint is stateless: POST JSON-RPC requests',
    };
  }

  @Delete()
  @HttpCode(405)
  @McpDocs.end()
  end(): { statusCode: number; error: string; message: string } {
    return {
      statusCode: 405,
      error: 'Method Not Allowed',
      message: 'this MCP endpoint is stateless: there is no session to end',
    };
  }
}
