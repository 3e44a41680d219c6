import { readCsv, readJsonLines } from './modem-import';

describe('modem import readers', () => {
  it('reads JSON lines, skipping blanks and naming unreadable rows', () => {
    const rows = readJsonLines('{"id":"a","host":"h"}\n\n[1]\n{nope\n');
    expect(rows).toEqual([
      { row: 1, value: { id: 'a', host: 'h' } },
      { row: 3, error: 'a line must hold one JSON object' },
      { row: 4, error: expect.stringMatching(/^not JSON/) },
    ]);
  });

  it('reads CSV with quoted commas and diacritics into modem bodies', () => {
    const rows = readCsv(
      'id,host,port,community,writeCommunity,customerNumber,fullName,address\n' +
        'cm-1,10.0.0.1,161,public,private,C1,Jan Iksiński,"ul. Długa 5 m. 12, 00-950 Warszawa"\n' +
        'cm-2,10.0.0.2,,public,,,,\n',
    );
    expect(rows).toEqual([
      {
        row: 1,
        value: {
          id: 'cm-1',
          host: '10.0.0.1',
          port: 161,
          snmp: { version: '2c', community: 'public', writeCommunity: 'private' },
          customer: {
            customerNumber: 'C1',
            fullName: 'Jan Iksiński',
            address: 'ul. Długa 5 m. 12, 00-950 Warszawa',
          },
        },
      },
      { row: 2, value: { id: 'cm-2', host: '10.0.0.2', snmp: { version: '2c', community: 'public' } } },
    ]);
  });

  it('reads the services column as the services joined by +, as written (the row check refuses bad ones)', () => {
    const rows = readCsv(
      'id,host,community,customerNumber,fullName,services\n' +
        'cm-1,10.0.0.1,public,C1,Jan,internet+tv\n' +
        'cm-2,10.0.0.2,public,C2,Ewa, tv + phone \n' +
        'cm-3,10.0.0.3,public,C3,Ola,internet+radio\n' +
        'cm-4,10.0.0.4,public,C4,Ala,\n',
    );
    expect(rows.map((r) => ('value' in r ? r.value.customer : r))).toEqual([
      { customerNumber: 'C1', fullName: 'Jan', services: ['internet', 'tv'] },
      { customerNumber: 'C2', fullName: 'Ewa', services: ['tv', 'phone'] },
      { customerNumber: 'C3', fullName: 'Ola', services: ['internet', 'radio'] },
      { customerNumber: 'C4', fullName: 'Ala' },
    ]);
  });

  it('refuses unknown CSV columns and malformed CSV as a whole', () => {
    expect(readCsv('id,hostname\na,b\n')).toEqual([{ row: 0, error: expect.stringContaining('hostname') }]);
    expect(readCsv('id,host\n"a,b\n')[0]).toEqual({ row: 0, error: expect.stringMatching(/^CSV/) });
  });
});
