/**
 * A broken client message gets a JSON-RPC error, never a crash: a body that is
 * no JSON gets Parse error (-32700), a JSON value that is no JSON-RPC message
 * gets Invalid Request (-32600). The server's connection then sees a
 * notification of its own (`$/rubric/invalidMessage`) that it logs. No Node API.
 */

import type {Message, NotificationMessage} from 'vscode-languageserver';

export const INVALID_MESSAGE = '$/rubric/invalidMessage';

export const PARSE_ERROR = -32700;
export const INVALID_REQUEST = -32600;

function invalid(reason: string): NotificationMessage {
  return {jsonrpc: '2.0', method: INVALID_MESSAGE, params: {reason}};
}

/** Why a parsed value is no JSON-RPC 2.0 message, or undefined when it is one. */
export function whyInvalid(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'the message is not a JSON object';
  const m = value as Record<string, unknown>;
  if (m.jsonrpc !== '2.0') return 'the message has no "jsonrpc": "2.0"';
  const hasId = typeof m.id === 'number' || typeof m.id === 'string';
  if ('method' in m) {
    if (typeof m.method !== 'string') return '"method" must be a string';
    if ('params' in m && (m.params === null || typeof m.params !== 'object')) return '"params" must be an object or an array';
    if ('id' in m && !hasId && m.id !== null) return '"id" must be a number or a string';
    return undefined;
  }
  if (hasId && ('result' in m || 'error' in m)) return undefined;
  return 'the message is neither a request, a notification nor a response';
}

/** The JSON decoder of the connection's reader, checking each message; `reply` writes an error response. */
export function checkedJson(reply: (m: Message) => void) {
  return {
    name: 'application/json',
    decode(buffer: Uint8Array, options: {charset: string}): Promise<Message> {
      let value: unknown;
      try {
        value = JSON.parse(new TextDecoder(options.charset).decode(buffer));
      } catch (e) {
        const reason = `the message is not valid JSON: ${(e as Error).message}`;
        reply({jsonrpc: '2.0', id: null, error: {code: PARSE_ERROR, message: reason}} as Message);
        return Promise.resolve(invalid(reason));
      }
      const why = whyInvalid(value);
      if (why) {
        const raw = value && typeof value === 'object' ? (value as {id?: unknown}).id : undefined;
        const id = typeof raw === 'number' || typeof raw === 'string' ? raw : null;
        reply({jsonrpc: '2.0', id, error: {code: INVALID_REQUEST, message: why}} as Message);
        return Promise.resolve(invalid(why));
      }
      return Promise.resolve(value as Message);
    },
  };
}
