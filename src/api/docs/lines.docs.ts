import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { VerifyLineDto } from '../dto/lines.dto';
import { VERIFIED_EXAMPLE, VerifyResultResponse } from '../dto/lines.response';
import { ApiDocs, ApiStoreErrors, invalid, withJsonBody } from '../openapi.decorators';

/** The OpenAPI description of LinesController's routes, one decorator per route. */
export const LinesDocs = {
  verify: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Verify the caller',
        description:
          'The first step of every call, before anything about a line is said: the customer number plus the full ' +
          'name or the postal address the caller gives (case, spacing, Polish diacritics and street prefixes do ' +
          'not matter; house and flat numbers do). On a match: the customer’s lines, each with a line token to send ' +
          'as X-Line-Token on that line’s diagnosis, telemetry, pre-equalisation, timeline and history (and on its reboot, for a ' +
          'key with the reboot role), the customer’s `services` (null when not known), and the call `scripts` to read ' +
          'out when the call is not about the line, in the language of Accept-Language (pl or en; else ' +
          'DEFAULT_LANGUAGE). On no match: `verified: false` ' +
          'with the attempts left, never which part was wrong (an unknown customer number answers the same). After ' +
          'VERIFY_MAX_FAILURES failed attempts the customer number is locked for VERIFY_LOCKOUT_SEC (429).',
      }),
      ApiHeader({
        name: 'Accept-Language',
        required: false,
        description:
          'The language of the call scripts: pl or en (e.g. `pl-PL, en;q=0.5`); else DEFAULT_LANGUAGE.',
        example: 'pl',
      }),
      ApiBody({
        type: VerifyLineDto,
        examples: {
          byName: {
            summary: 'Customer number and full name',
            value: { customerNumber: 'C1000001', fullName: 'jan iksinski' },
          },
          byAddress: {
            summary: 'Customer number and address',
            value: { customerNumber: 'c-100 0001', address: 'Długa 5/12' },
          },
        },
      }),
      ApiOkResponse({
        type: VerifyResultResponse,
        description: 'Verified or not: `verified` says which.',
        examples: {
          verified: { summary: 'Verified: the line and its token', value: VERIFIED_EXAMPLE },
          notVerified: { summary: 'Not verified', value: { verified: false, attemptsLeft: 4 } },
          lastAttempt: {
            summary: 'Not verified, and now locked',
            value: { verified: false, attemptsLeft: 0, lockedForSec: 900 },
          },
        },
      }),
      ApiStoreErrors(
        withJsonBody({
          400: [
            invalid('Neither fullName nor address', [
              { field: 'fullName', problems: ['fullName or address is required (the second factor)'] },
              { field: 'address', problems: ['address or fullName is required (the second factor)'] },
            ]),
          ],
          429: [
            {
              when: 'Too many failed verifications for this customer number: locked for retryAfterSec',
              body: {
                message: 'too many failed verifications for this customer number: try again in 840 s',
                retryAfterSec: 840,
              },
            },
          ],
        }),
      ),
    ),
};
