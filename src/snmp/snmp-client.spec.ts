import { redactSecrets } from './snmp-client';

describe(redactSecrets.name, () => {
  it('removes every occurrence of every secret', () => {
    const text = "Community 'rw-secret' in request does not match community 'other' in response (rw-secret)";
    expect(redactSecrets(text, ['rw-secret', ''])).toBe(
      "Community '***' in request does not match community 'other' in response (***)",
    );
  });

  it('leaves text without secrets alone', () => {
    expect(redactSecrets('no answer within 300 ms (1 tries)', ['public'])).toBe(
      'no answer within 300 ms (1 tries)',
    );
  });
});
