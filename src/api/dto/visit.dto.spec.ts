import { readVisitCsv } from '../../visits/visit-csv';
import { checkVisitRow } from './visit.dto';

const HEADER = 'modemId,externalId,visitedAt,found,fixed,technician,diagnosisAt';

describe('visits CSV', () => {
  it('reads rows with their file lines, empty cells absent', () => {
    expect(
      readVisitCsv(
        `${HEADER}\ncm-1,FS-1,2026-11-26T09:40:00Z,DROP,"new connector, ground block",Jan,\n\ncm-2,,2026-11-26T10:00:00+01:00,NO_FAULT_FOUND,,,2026-11-25T10:00:00.000Z\n`,
      ),
    ).toEqual({
      rows: [
        {
          line: 2,
          value: {
            modemId: 'cm-1',
            externalId: 'FS-1',
            visitedAt: '2026-11-26T09:40:00Z',
            found: 'DROP',
            fixed: 'new connector, ground block',
            technician: 'Jan',
          },
        },
        {
          line: 4,
          value: {
            modemId: 'cm-2',
            visitedAt: '2026-11-26T10:00:00+01:00',
            found: 'NO_FAULT_FOUND',
            diagnosisAt: '2026-11-25T10:00:00.000Z',
          },
        },
      ],
    });
  });

  it('refuses unknown columns and unreadable CSV as a whole', () => {
    expect(readVisitCsv('modemId,foundAt\ncm-1,x\n')).toEqual({
      error: expect.stringContaining('unknown CSV columns foundAt'),
    });
    expect(readVisitCsv(`${HEADER}\ncm-1,"open\n`)).toEqual({ error: expect.stringMatching(/^CSV: /) });
  });

  it('checks a good row into a modem id and a visit body', async () => {
    expect(
      await checkVisitRow({
        modemId: 'cm-1',
        visitedAt: '2026-11-26T09:40:00Z',
        found: 'DROP',
        technician: 'Jan',
      }),
    ).toEqual({
      modemId: 'cm-1',
      input: { visitedAt: '2026-11-26T09:40:00Z', found: 'DROP', technician: 'Jan' },
    });
  });

  it.each([
    [{ modemId: 'bad id!' }, 'modemId', /modemId must be 1-64 characters/],
    [{ externalId: 'has space' }, 'externalId', /externalId must be 1-128 printable ASCII/],
    [{ visitedAt: 'yesterday' }, 'visitedAt', /visitedAt must be an ISO 8601 date-time/],
    [{ visitedAt: '2026-13-45T25:61:00Z' }, 'visitedAt', /visitedAt must be an ISO 8601 date-time/],
    [{ visitedAt: '2026-11-26' }, 'visitedAt', /visitedAt must be an ISO 8601 date-time/],
    [{ found: 'BROKEN' }, 'found', /found must be one of NO_FAULT_FOUND, HOME_WIRING, DROP/],
    [{ fixed: 'x'.repeat(501) }, 'fixed', /fixed must be shorter than or equal to 500 characters/],
    [{ technician: 'x'.repeat(121) }, 'technician', /technician must be shorter than or equal to 120/],
    [{ diagnosisAt: '1700000000000' }, 'diagnosisAt', /diagnosisAt must be an ISO 8601 date-time/],
  ])('names the field of a bad row: %j', async (patch, field, problem) => {
    const row: Record<string, string> = {
      modemId: 'cm-1',
      visitedAt: '2026-11-26T09:40:00Z',
      found: 'DROP',
      ...patch,
    };
    const checked = await checkVisitRow(row);
    expect(checked).toEqual({ problems: [{ field, problems: [expect.stringMatching(problem)] }] });
  });

  it('names a missing found', async () => {
    expect(await checkVisitRow({ modemId: 'cm-1', visitedAt: '2026-11-26T09:40:00Z' })).toEqual({
      problems: [{ field: 'found', problems: [expect.stringMatching(/found must be one of/)] }],
    });
  });
});
