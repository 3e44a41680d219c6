/** A cluster node to start from: ioredis learns the others (and which slots each serves) from it. */
export interface RedisNodeAddress {
  host: string;
  port: number;
}

/** Where REDIS_URL points: one Redis (its URL as ioredis reads it), or the seed nodes of a Redis Cluster. */
export type RedisTarget =
  | { kind: 'single'; url: string }
  | {
      kind: 'cluster';
      nodes: RedisNodeAddress[];
      username?: string;
      password?: string;
      /** rediss+cluster://: every node over TLS. */
      tls: boolean;
    };

const NODE = String.raw`(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?`;

/**
 * REDIS_URL: `redis://host:port[/db]` (`rediss://` for TLS) for one Redis, or
 * `redis+cluster://[user:password@]host:port[,host:port…]` (`rediss+cluster://` for TLS) for a Redis Cluster: its
 * seed nodes, any of them (an ElastiCache configuration endpoint is one). A cluster has database 0 only: no path.
 */
export const REDIS_URL_PATTERN = new RegExp(
  String.raw`^(?:rediss?://\S+|rediss?\+cluster://(?:[^@\s/]*@)?${NODE}(?:,${NODE})*/?)$`,
);

/** Reads a REDIS_URL that matches REDIS_URL_PATTERN (a single-Redis URL is left for ioredis to read). */
export function parseRedisUrl(url: string): RedisTarget {
  const m = /^(rediss?)\+cluster:\/\/(?:([^@\s/]*)@)?([^@\s/]+)\/?$/.exec(url);
  if (!m) {
    return { kind: 'single', url };
  }
  const [, scheme, userinfo, hosts] = m;
  const colon = userinfo?.indexOf(':') ?? -1;
  const username = userinfo && decode(colon < 0 ? userinfo : userinfo.slice(0, colon));
  const password = userinfo && colon >= 0 ? decode(userinfo.slice(colon + 1)) : '';
  return {
    kind: 'cluster',
    nodes: hosts.split(',').map(parseNode),
    ...(username ? { username } : {}),
    ...(password ? { password } : {}),
    tls: scheme === 'rediss',
  };
}

function parseNode(node: string): RedisNodeAddress {
  const m = /^(?:\[([^\]]+)\]|([^:]+))(?::(\d+))?$/.exec(node);
  return { host: m?.[1] ?? m?.[2] ?? node, port: Number(m?.[3] ?? 6379) };
}

/** Percent-decoded, as in a URL; a stray `%` is kept as it is. */
function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
