import { cmtsRegState } from './cmts-reading';

describe('cmtsRegState: one representation for both CMTS enumerations', () => {
  it.each`
    source       | value   | name                           | online   | ranging  | accessDenied | forwardingDisabled
    ${'docsIf3'} | ${8}    | ${'operational'}               | ${true}  | ${false} | ${false}     | ${false}
    ${'docsIf3'} | ${6}    | ${'registrationComplete'}      | ${true}  | ${false} | ${false}     | ${false}
    ${'docsIf3'} | ${2}    | ${'initialRanging'}            | ${false} | ${true}  | ${false}     | ${false}
    ${'docsIf3'} | ${4}    | ${'rangingAutoAdjComplete'}    | ${false} | ${true}  | ${false}     | ${false}
    ${'docsIf3'} | ${17}   | ${'forwardingDisabled'}        | ${false} | ${false} | ${false}     | ${true}
    ${'docsIf3'} | ${7}    | ${'state 7'}                   | ${false} | ${false} | ${false}     | ${false}
    ${'docsIf3'} | ${1}    | ${'other'}                     | ${false} | ${false} | ${false}     | ${false}
    ${'rfc4546'} | ${1}    | ${'other'}                     | ${false} | ${false} | ${false}     | ${false}
    ${'rfc4546'} | ${2}    | ${'ranging'}                   | ${false} | ${true}  | ${false}     | ${false}
    ${'rfc4546'} | ${3}    | ${'rangingAborted'}            | ${false} | ${true}  | ${false}     | ${false}
    ${'rfc4546'} | ${4}    | ${'rangingComplete'}           | ${false} | ${false} | ${false}     | ${false}
    ${'rfc4546'} | ${5}    | ${'ipComplete'}                | ${false} | ${false} | ${false}     | ${false}
    ${'rfc4546'} | ${6}    | ${'registrationComplete'}      | ${true}  | ${false} | ${false}     | ${false}
    ${'rfc4546'} | ${7}    | ${'accessDenied'}              | ${false} | ${false} | ${true}      | ${false}
    ${'rfc4546'} | ${8}    | ${'operational'}               | ${true}  | ${false} | ${false}     | ${false}
    ${'rfc4546'} | ${9}    | ${'registeredBPIInitializing'} | ${false} | ${false} | ${false}     | ${false}
    ${'rfc4546'} | ${17}   | ${'state 17'}                  | ${false} | ${false} | ${false}     | ${false}
    ${'docsIf3'} | ${null} | ${'not read'}                  | ${false} | ${false} | ${false}     | ${false}
  `(
    '$source $value is $name',
    ({ source, value, name, online, ranging, accessDenied, forwardingDisabled }) => {
      expect(cmtsRegState(source, value)).toEqual({
        source,
        value,
        name,
        online,
        ranging,
        accessDenied,
        forwardingDisabled,
      });
    },
  );
});
