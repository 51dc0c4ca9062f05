import { assertWriteAccess, ForbiddenError, UnauthorizedError } from '../../src/http';

const TOKEN = 'a-long-enough-write-token';

describe('assertWriteAccess', () => {
  it('refuses every write when no token is configured', () => {
    expect(() => assertWriteAccess(`Bearer ${TOKEN}`, undefined)).toThrow(ForbiddenError);
    expect(() => assertWriteAccess(`Bearer ${TOKEN}`, undefined)).toThrow(/read-only/);
  });

  it.each([undefined, '', `Basic ${Buffer.from('a:b').toString('base64')}`, 'Bearer'])('asks for a bearer token when given %j', (header) => {
    expect(() => assertWriteAccess(header, TOKEN)).toThrow(UnauthorizedError);
  });

  it('refuses a wrong token', () => {
    expect(() => assertWriteAccess('Bearer not-the-token', TOKEN)).toThrow(ForbiddenError);
    expect(() => assertWriteAccess(`Bearer ${TOKEN}x`, TOKEN)).toThrow(ForbiddenError);
  });

  it('accepts the configured token, whatever the case of the scheme', () => {
    expect(() => assertWriteAccess(`Bearer ${TOKEN}`, TOKEN)).not.toThrow();
    expect(() => assertWriteAccess(`bearer ${TOKEN}`, TOKEN)).not.toThrow();
  });
});
