import { maxHeaderSize, STATUS_CODES, type Server } from 'node:http';
import type { Socket } from 'node:net';

/** What Node's HTTP parser refuses before any route sees the request, with the status Node itself would send. */
const PARSER_ERRORS: Record<string, { status: number; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    message: `the request line and headers are over the ${Math.round(maxHeaderSize / 1024)} KB the server reads`,
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, message: 'the chunk extensions are too large' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, message: 'the request was not received in time' },
};

/**
 * Requests the HTTP parser refuses get the JSON error body every other error has (Node's default answer has
 * none), and the connection is closed: after a parse error nothing more on it can be trusted.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: Error & { code?: string }, socket: Socket) => {
    const known = PARSER_ERRORS[error.code ?? ''] ?? { status: 400, message: 'malformed HTTP request' };
    // A response already under way on this socket cannot be followed by another one.
    const busy = (socket as Socket & { _httpMessage?: unknown })._httpMessage != null;
    if (socket.writable && !busy) {
      const body = JSON.stringify({
        statusCode: known.status,
        error: STATUS_CODES[known.status],
        message: known.message,
      });
      socket.end(
        `HTTP/1.1 ${known.status} ${STATUS_CODES[known.status]}\r\n` +
          'Content-Type: application/json; charset=utf-8\r\n' +
          `Content-Length: ${Buffer.byteLength(body)}\r\n` +
          'Connection: close\r\n\r\n' +
          body,
      );
    }
    socket.destroySoon();
  });
}
