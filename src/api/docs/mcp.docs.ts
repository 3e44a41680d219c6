import { ApiBody, ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { ErrorResponse } from '../dto/error.response';
import { JsonRpcRequestDoc, JsonRpcResponseDoc } from '../dto/mcp.response';
import { ApiDocs } from '../openapi.decorators';

/** The answer of the routes a stateless MCP endpoint does not serve. */
const methodNotAllowed = (message: string): MethodDecorator =>
  ApiResponse({
    status: 405,
    type: ErrorResponse,
    description: 'Always.',
    example: { statusCode: 405, error: 'Method Not Allowed', message },
  });

const TOOLS =
  'verify_caller, diagnose_line, get_line_timeline, get_node_status, and reboot_modem for operator keys';

/** The OpenAPI description of McpController's routes, one decorator per route. */
export const McpDocs = {
  handle: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'MCP (JSON-RPC) for AI agents',
        description:
          'The Model Context Protocol over streamable HTTP, stateless (no session id): send JSON-RPC 2.0 requests ' +
          'with `Accept: application/json, text/event-stream`. The tools are built for the calling key and written ' +
          `for an LLM talking to a customer: ${TOOLS}. \`tools/list\` describes their arguments. Texts are in ` +
          "Polish or English by `Accept-Language` (or a call's `language` argument); the structured results are the " +
          'same in both.',
      }),
      ApiHeader({
        name: 'Accept-Language',
        required: false,
        description:
          'The language of the tool descriptions and text answers: `pl` or `en` (`pl-PL` counts as `pl`; q-values ' +
          'honoured). Otherwise the configured DEFAULT_LANGUAGE.',
        schema: { type: 'string', example: 'pl-PL,pl;q=0.9,en;q=0.5' },
      }),
      ApiBody({
        type: JsonRpcRequestDoc,
        examples: {
          toolsList: { summary: 'List the tools', value: { jsonrpc: '2.0', id: 1, method: 'tools/list' } },
          verifyCaller: {
            summary: 'Call verify_caller',
            value: {
              jsonrpc: '2.0',
              id: 2,
              method: 'tools/call',
              params: {
                name: 'verify_caller',
                arguments: { customer_number: 'C1000001', full_name: 'Jan Iksiński' },
              },
            },
          },
        },
      }),
      ApiResponse({
        status: 200,
        type: JsonRpcResponseDoc,
        description: 'The JSON-RPC response (tool failures are results with isError, not HTTP errors).',
        example: {
          jsonrpc: '2.0',
          id: 2,
          result: {
            content: [
              {
                type: 'text',
                text:
                  'Verified customer C1000001. Line(s): sim-cm-00001 (line_token lt_2Hlp7l4Egf819jDtwxhABaBrCi08xgFq, ' +
                  'valid until 2026-11-25T13:29:31.082Z). Pass modem_id and line_token to diagnose_line.',
              },
            ],
          },
        },
      }),
      ApiResponse({ status: 202, description: 'A notification (no id) was accepted; no body.' }),
      ApiResponse({
        status: 400,
        type: JsonRpcResponseDoc,
        description: 'Not a JSON-RPC message.',
        example: {
          jsonrpc: '2.0',
          error: { code: -32700, message: 'Parse error: Invalid JSON-RPC message' },
          id: null,
        },
      }),
      ApiResponse({
        status: 406,
        type: JsonRpcResponseDoc,
        description: 'The Accept header lacks application/json or text/event-stream.',
        example: {
          jsonrpc: '2.0',
          error: {
            code: -32000,
            message: 'Not Acceptable: Client must accept both application/json and text/event-stream',
          },
          id: null,
        },
      }),
    ),
  stream: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'No MCP stream (stateless)',
        description:
          'Always 405: this MCP endpoint is stateless and has no server-initiated stream. POST requests.',
      }),
      methodNotAllowed('this MCP endpoint is stateless: POST JSON-RPC requests'),
    ),
  end: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'No MCP session to end (stateless)',
        description: 'Always 405: this MCP endpoint is stateless, so there is no session to end.',
      }),
      methodNotAllowed('this MCP endpoint is stateless: there is no session to end'),
    ),
};
