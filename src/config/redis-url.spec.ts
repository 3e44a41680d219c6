import { ConfigError, loadConfig } from './app-config';
import { parseRedisUrl } from './redis-url';

describe(parseRedisUrl.name, () => {
  it('leaves a single Redis URL as it is, for ioredis to read', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6380/2')).toEqual({
      kind: 'single',
      url: 'redis://127.0.0.1:6380/2',
    });
    expect(parseRedisUrl('rediss://:secret@redis.example.net:6380')).toEqual({
      kind: 'single',
      url: 'rediss://:secret@redis.example.net:6380',
    });
  });

  it('reads a cluster URL: seed nodes (port 6379 unless given), credentials, TLS', () => {
    expect(parseRedisUrl('redis+cluster://10.0.0.1:7000,10.0.0.2:7001,[::1]:7002,redis-3')).toEqual({
      kind: 'cluster',
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 7001 },
        { host: '::1', port: 7002 },
        { host: 'redis-3', port: 6379 },
      ],
      tls: false,
    });
    expect(
      parseRedisUrl(
        'rediss+cluster://:t%40ken%2C1@clustercfg.linecheck.abc123.euc1.cache.amazonaws.com:6379',
      ),
    ).toEqual({
      kind: 'cluster',
      nodes: [{ host: 'clustercfg.linecheck.abc123.euc1.cache.amazonaws.com', port: 6379 }],
      password: 't@ken,1',
      tls: true,
    });
    expect(parseRedisUrl('redis+cluster://linecheck:pw@h1:7000/')).toEqual({
      kind: 'cluster',
      nodes: [{ host: 'h1', port: 7000 }],
      username: 'linecheck',
      password: 'pw',
      tls: false,
    });
  });

  it('is what REDIS_URL accepts; a cluster URL with a database or no node is refused, naming the forms', () => {
    expect(loadConfig({ REDIS_URL: 'redis+cluster://127.0.0.1:7000,127.0.0.1:7001' }).redis.url).toBe(
      'redis+cluster://127.0.0.1:7000,127.0.0.1:7001',
    );
    for (const bad of [
      'redis+cluster://h1:7000/1',
      'redis+cluster://',
      'redis+cluster://h1:7000,,h2',
      'h1:7000',
    ]) {
      expect(() => loadConfig({ REDIS_URL: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ REDIS_URL: bad })).toThrow(/redis\+cluster:\/\/host:port\[,host:port…\]/);
    }
  });
});
