// Numeric OIDs from docs/docsis-reference.md §1.2 (resolved there with snmptranslate against the MIB files).
// Column OIDs: append ".<index>". Scalars: append ".0".

export const OID = {
  sysDescr: '1.3.6.1.2.1.1.1',
  sysObjectID: '1.3.6.1.2.1.1.2',
  sysUpTime: '1.3.6.1.2.1.1.3',
  sysName: '1.3.6.1.2.1.1.5',

  ifIndex: '1.3.6.1.2.1.2.2.1.1',
  ifDescr: '1.3.6.1.2.1.2.2.1.2',
  ifType: '1.3.6.1.2.1.2.2.1.3',
  ifOperStatus: '1.3.6.1.2.1.2.2.1.8',

  docsIfDownChannelId: '1.3.6.1.2.1.10.127.1.1.1.1.1',
  docsIfDownChannelFrequency: '1.3.6.1.2.1.10.127.1.1.1.1.2',
  docsIfDownChannelModulation: '1.3.6.1.2.1.10.127.1.1.1.1.4',
  docsIfDownChannelPower: '1.3.6.1.2.1.10.127.1.1.1.1.6',
  docsIfUpChannelId: '1.3.6.1.2.1.10.127.1.1.2.1.1',
  docsIfUpChannelFrequency: '1.3.6.1.2.1.10.127.1.1.2.1.2',
  docsIfUpChannelWidth: '1.3.6.1.2.1.10.127.1.1.2.1.3',
  docsIfSigQUnerroreds: '1.3.6.1.2.1.10.127.1.1.4.1.2',
  docsIfSigQCorrecteds: '1.3.6.1.2.1.10.127.1.1.4.1.3',
  docsIfSigQUncorrectables: '1.3.6.1.2.1.10.127.1.1.4.1.4',
  docsIfSigQSignalNoise: '1.3.6.1.2.1.10.127.1.1.4.1.5',
  docsIfSigQMicroreflections: '1.3.6.1.2.1.10.127.1.1.4.1.6',
  docsIfSigQExtUnerroreds: '1.3.6.1.2.1.10.127.1.1.4.1.8',
  docsIfSigQExtCorrecteds: '1.3.6.1.2.1.10.127.1.1.4.1.9',
  docsIfSigQExtUncorrectables: '1.3.6.1.2.1.10.127.1.1.4.1.10',
  docsIfDocsisBaseCapability: '1.3.6.1.2.1.10.127.1.1.5',

  docsIfCmStatusValue: '1.3.6.1.2.1.10.127.1.2.2.1.1',
  docsIfCmStatusCode: '1.3.6.1.2.1.10.127.1.2.2.1.2',
  docsIfCmStatusTxPower: '1.3.6.1.2.1.10.127.1.2.2.1.3',
  docsIfCmStatusResets: '1.3.6.1.2.1.10.127.1.2.2.1.4',
  docsIfCmStatusLostSyncs: '1.3.6.1.2.1.10.127.1.2.2.1.5',
  docsIfCmStatusT3Timeouts: '1.3.6.1.2.1.10.127.1.2.2.1.12',
  docsIfCmStatusT4Timeouts: '1.3.6.1.2.1.10.127.1.2.2.1.13',
  /** DOCSIS 2.0 pre-equalisation of the single upstream, on the MAC ifIndex (DocsEqualizerData). */
  docsIfCmStatusEqualizationData: '1.3.6.1.2.1.10.127.1.2.2.1.17',

  docsDevResetNow: '1.3.6.1.2.1.69.1.1.3',
  docsDevSerialNumber: '1.3.6.1.2.1.69.1.1.4',
  docsDevCpeInetSource: '1.3.6.1.2.1.69.1.7.4.1.3',
  /** docsDevEvent group (RFC 4639): the control scalar answers wherever the modem implements its event log. */
  docsDevEvControl: '1.3.6.1.2.1.69.1.5.1',
  docsDevEvFirstTime: '1.3.6.1.2.1.69.1.5.8.1.2',
  docsDevEvLastTime: '1.3.6.1.2.1.69.1.5.8.1.3',
  docsDevEvCounts: '1.3.6.1.2.1.69.1.5.8.1.4',
  docsDevEvLevel: '1.3.6.1.2.1.69.1.5.8.1.5',
  docsDevEvId: '1.3.6.1.2.1.69.1.5.8.1.6',
  docsDevEvText: '1.3.6.1.2.1.69.1.5.8.1.7',

  dot1dTpFdbPort: '1.3.6.1.2.1.17.4.3.1.2',
  dot1dTpFdbStatus: '1.3.6.1.2.1.17.4.3.1.3',

  docsIfCmtsCmStatusMacAddress: '1.3.6.1.2.1.10.127.1.3.3.1.2',
  docsIfCmtsCmStatusIpAddress: '1.3.6.1.2.1.10.127.1.3.3.1.3',
  docsIfCmtsCmStatusDownChannelIfIndex: '1.3.6.1.2.1.10.127.1.3.3.1.4',
  docsIfCmtsCmStatusUpChannelIfIndex: '1.3.6.1.2.1.10.127.1.3.3.1.5',
  docsIfCmtsCmStatusRxPower: '1.3.6.1.2.1.10.127.1.3.3.1.6',
  docsIfCmtsCmStatusValue: '1.3.6.1.2.1.10.127.1.3.3.1.9',
  docsIfCmtsCmStatusUncorrectables: '1.3.6.1.2.1.10.127.1.3.3.1.12',
  docsIfCmtsCmStatusSignalNoise: '1.3.6.1.2.1.10.127.1.3.3.1.13',
  docsIfCmtsCmStatusExtUncorrectables: '1.3.6.1.2.1.10.127.1.3.3.1.17',
  docsIfCmtsCmStatusInetAddressType: '1.3.6.1.2.1.10.127.1.3.3.1.20',
  docsIfCmtsCmStatusInetAddress: '1.3.6.1.2.1.10.127.1.3.3.1.21',
  docsIfCmtsCmStatusValueLastUpdate: '1.3.6.1.2.1.10.127.1.3.3.1.22',
  docsIfCmtsCmPtr: '1.3.6.1.2.1.10.127.1.3.7.1.2',

  docsIf3CmtsCmRegStatusMacAddr: '1.3.6.1.4.1.4491.2.1.20.1.3.1.2',
  docsIf3CmtsCmRegStatusIPv4Addr: '1.3.6.1.4.1.4491.2.1.20.1.3.1.5',
  docsIf3CmtsCmRegStatusValue: '1.3.6.1.4.1.4491.2.1.20.1.3.1.6',
  docsIf3CmtsCmRegStatusMdIfIndex: '1.3.6.1.4.1.4491.2.1.20.1.3.1.7',
  docsIf3CmtsCmRegStatusMdCmSgId: '1.3.6.1.4.1.4491.2.1.20.1.3.1.8',
  docsIf3CmtsCmRegStatusLastRegTime: '1.3.6.1.4.1.4491.2.1.20.1.3.1.14',
  docsIf3CmtsCmUsStatusRxPower: '1.3.6.1.4.1.4491.2.1.20.1.4.1.3',
  docsIf3CmtsCmUsStatusSignalNoise: '1.3.6.1.4.1.4491.2.1.20.1.4.1.4',
  /** The modem's upstream pre-equalisation as the CMTS reports it (DocsEqualizerData; may be the last adjustment). */
  docsIf3CmtsCmUsStatusEqData: '1.3.6.1.4.1.4491.2.1.20.1.4.1.6',
  docsIf3CmtsCmUsStatusUncorrectables: '1.3.6.1.4.1.4491.2.1.20.1.4.1.9',
  docsIf3CmtsCmUsStatusRangingStatus: '1.3.6.1.4.1.4491.2.1.20.1.4.1.12',
  docsIf31CmtsCmRegStatusPartialSvcState: '1.3.6.1.4.1.4491.2.1.28.1.3.1.9',
  docsSubmgt3CpeIpAddr: '1.3.6.1.4.1.4491.2.1.10.1.3.1.3',
  docsSubmgt3CpeIpType: '1.3.6.1.4.1.4491.2.1.10.1.3.1.6',

  docsIf3CmStatusValue: '1.3.6.1.4.1.4491.2.1.20.1.1.1.1',
  docsIf3CmStatusCode: '1.3.6.1.4.1.4491.2.1.20.1.1.1.2',
  docsIf3CmStatusResets: '1.3.6.1.4.1.4491.2.1.20.1.1.1.3',
  docsIf3CmStatusLostSyncs: '1.3.6.1.4.1.4491.2.1.20.1.1.1.4',
  docsIf3CmStatusUsTxPower: '1.3.6.1.4.1.4491.2.1.20.1.2.1.1',
  docsIf3CmStatusUsT3Timeouts: '1.3.6.1.4.1.4491.2.1.20.1.2.1.2',
  docsIf3CmStatusUsT4Timeouts: '1.3.6.1.4.1.4491.2.1.20.1.2.1.3',
  docsIf3CmStatusUsRangingAborteds: '1.3.6.1.4.1.4491.2.1.20.1.2.1.4',
  docsIf3CmStatusUsModulationType: '1.3.6.1.4.1.4491.2.1.20.1.2.1.5',
  docsIf3CmStatusUsEqData: '1.3.6.1.4.1.4491.2.1.20.1.2.1.6',
  docsIf3CmStatusUsT3Exceededs: '1.3.6.1.4.1.4491.2.1.20.1.2.1.7',
  docsIf3CmStatusUsIsMuted: '1.3.6.1.4.1.4491.2.1.20.1.2.1.8',
  docsIf3CmStatusUsRangingStatus: '1.3.6.1.4.1.4491.2.1.20.1.2.1.9',
  docsIf3SignalQualityExtRxMER: '1.3.6.1.4.1.4491.2.1.20.1.24.1.1',

  docsPnmCmDsOfdmRxMerMean: '1.3.6.1.4.1.4491.2.1.27.1.2.5.1.3',
  // DOCS-PNM-MIB 201704130000Z summaries (docs/pnm.md §1): units in the comments, as the MIB states them.
  /** percent */
  docsPnmCmDsOfdmRxMerPercentile: '1.3.6.1.4.1.4491.2.1.27.1.2.5.1.2',
  /** hundredthDb */
  docsPnmCmDsOfdmRxMerStdDev: '1.3.6.1.4.1.4491.2.1.27.1.2.5.1.4',
  /** quarterDb */
  docsPnmCmDsOfdmRxMerThrVal: '1.3.6.1.4.1.4491.2.1.27.1.2.5.1.5',
  /** Hz */
  docsPnmCmDsOfdmRxMerThrHighestFreq: '1.3.6.1.4.1.4491.2.1.27.1.2.5.1.6',
  docsPnmCmDsOfdmRxMerMeasStatus: '1.3.6.1.4.1.4491.2.1.27.1.2.5.1.7',
  /** ThousandthdB (ripples, mean), ThousandthdB/MHz (slope) */
  docsPnmCmOfdmChEstCoefAmpRipplePkToPk: '1.3.6.1.4.1.4491.2.1.27.1.2.3.1.2',
  docsPnmCmOfdmChEstCoefAmpRippleRms: '1.3.6.1.4.1.4491.2.1.27.1.2.3.1.3',
  docsPnmCmOfdmChEstCoefAmpSlope: '1.3.6.1.4.1.4491.2.1.27.1.2.3.1.4',
  /** ThousandthNsec (ripples, mean), ThousandthNsec/MHz (slope) */
  docsPnmCmOfdmChEstCoefGrpDelayRipplePkToPk: '1.3.6.1.4.1.4491.2.1.27.1.2.3.1.5',
  docsPnmCmOfdmChEstCoefGrpDelayRippleRms: '1.3.6.1.4.1.4491.2.1.27.1.2.3.1.6',
  docsPnmCmOfdmChEstCoefMeasStatus: '1.3.6.1.4.1.4491.2.1.27.1.2.3.1.7',
  docsPnmCmOfdmChEstCoefAmpMean: '1.3.6.1.4.1.4491.2.1.27.1.2.3.1.9',
  docsPnmCmOfdmChEstCoefGrpDelaySlope: '1.3.6.1.4.1.4491.2.1.27.1.2.3.1.10',
  docsPnmCmOfdmChEstCoefGrpDelayMean: '1.3.6.1.4.1.4491.2.1.27.1.2.3.1.11',
  /** The OFDMA pre-equaliser, in the channel estimate's units; CoAdjStatus other(1) success(2) clipped(3) rejected(4) */
  docsPnmCmUsPreEqAmpRipplePkToPk: '1.3.6.1.4.1.4491.2.1.27.1.2.10.1.2',
  docsPnmCmUsPreEqAmpRippleRms: '1.3.6.1.4.1.4491.2.1.27.1.2.10.1.3',
  docsPnmCmUsPreEqAmpSlope: '1.3.6.1.4.1.4491.2.1.27.1.2.10.1.4',
  docsPnmCmUsPreEqGrpDelayRipplePkToPk: '1.3.6.1.4.1.4491.2.1.27.1.2.10.1.5',
  docsPnmCmUsPreEqGrpDelayRippleRms: '1.3.6.1.4.1.4491.2.1.27.1.2.10.1.6',
  docsPnmCmUsPreEqPreEqCoAdjStatus: '1.3.6.1.4.1.4491.2.1.27.1.2.10.1.7',
  docsPnmCmUsPreEqMeasStatus: '1.3.6.1.4.1.4491.2.1.27.1.2.10.1.8',
  docsPnmCmUsPreEqAmpMean: '1.3.6.1.4.1.4491.2.1.27.1.2.10.1.11',
  docsPnmCmUsPreEqGrpDelaySlope: '1.3.6.1.4.1.4491.2.1.27.1.2.10.1.12',
  docsPnmCmUsPreEqGrpDelayMean: '1.3.6.1.4.1.4491.2.1.27.1.2.10.1.13',

  docsIf31CmDocsisBaseCapability: '1.3.6.1.4.1.4491.2.1.28.1.1',
  docsIf31CmDsOfdmChanChannelId: '1.3.6.1.4.1.4491.2.1.28.1.9.1.1',
  docsIf31CmDsOfdmChanPlcFreq: '1.3.6.1.4.1.4491.2.1.28.1.9.1.10',
  docsIf31CmDsOfdmProfileStatsTotalCodewords: '1.3.6.1.4.1.4491.2.1.28.1.10.1.3',
  docsIf31CmDsOfdmProfileStatsCorrectedCodewords: '1.3.6.1.4.1.4491.2.1.28.1.10.1.4',
  docsIf31CmDsOfdmProfileStatsUncorrectableCodewords: '1.3.6.1.4.1.4491.2.1.28.1.10.1.5',
  docsIf31CmDsOfdmChannelPowerCenterFrequency: '1.3.6.1.4.1.4491.2.1.28.1.11.1.2',
  docsIf31CmDsOfdmChannelPowerRxPower: '1.3.6.1.4.1.4491.2.1.28.1.11.1.3',
  docsIf31CmStatusOfdmaUsT3Timeouts: '1.3.6.1.4.1.4491.2.1.28.1.12.1.2',
  docsIf31CmStatusOfdmaUsT4Timeouts: '1.3.6.1.4.1.4491.2.1.28.1.12.1.3',
  docsIf31CmStatusOfdmaUsT3Exceededs: '1.3.6.1.4.1.4491.2.1.28.1.12.1.5',
  docsIf31CmStatusOfdmaUsIsMuted: '1.3.6.1.4.1.4491.2.1.28.1.12.1.6',
  docsIf31CmStatusOfdmaUsRangingStatus: '1.3.6.1.4.1.4491.2.1.28.1.12.1.7',
  docsIf31CmUsOfdmaChanChannelId: '1.3.6.1.4.1.4491.2.1.28.1.13.1.1',
  docsIf31CmUsOfdmaChanTxPower: '1.3.6.1.4.1.4491.2.1.28.1.13.1.10',
} as const;

export type OidName = keyof typeof OID;

export const IF_TYPE = {
  ethernetCsmacd: 6,
  docsCableMaclayer: 127,
  docsCableDownstream: 128,
  docsCableUpstream: 129,
  docsOfdmDownstream: 277,
  docsOfdmaUpstream: 278,
} as const;

/** Scalars of the CM fast poll (§1.5), read with one GET. */
export const FAST_POLL_SCALARS: readonly OidName[] = [
  'sysDescr',
  'sysUpTime',
  'docsIfDocsisBaseCapability',
  'docsIf31CmDocsisBaseCapability',
];

/** Table columns of the CM fast poll (§1.5), walked together with multi-column GETBULK. */
export const FAST_POLL_COLUMNS: readonly OidName[] = [
  'ifType',
  'ifOperStatus',
  'docsIfDownChannelId',
  'docsIfDownChannelFrequency',
  'docsIfDownChannelModulation',
  'docsIfDownChannelPower',
  'docsIfUpChannelId',
  'docsIfUpChannelFrequency',
  'docsIfUpChannelWidth',
  'docsIfSigQSignalNoise',
  'docsIfSigQExtUnerroreds',
  'docsIfSigQExtCorrecteds',
  'docsIfSigQExtUncorrectables',
  'docsIfCmStatusValue',
  'docsIfCmStatusTxPower',
  'docsIfCmStatusT3Timeouts',
  'docsIfCmStatusT4Timeouts',
  'docsDevCpeInetSource',
  'dot1dTpFdbPort',
  'dot1dTpFdbStatus',
  'docsIf3CmStatusValue',
  'docsIf3CmStatusResets',
  'docsIf3CmStatusLostSyncs',
  'docsIf3CmStatusUsTxPower',
  'docsIf3CmStatusUsT3Timeouts',
  'docsIf3CmStatusUsT4Timeouts',
  'docsIf3CmStatusUsT3Exceededs',
  'docsIf3CmStatusUsIsMuted',
  'docsIf3CmStatusUsRangingStatus',
  'docsIf3CmStatusUsEqData',
  'docsIf3SignalQualityExtRxMER',
  'docsPnmCmDsOfdmRxMerMean',
  'docsIf31CmDsOfdmChanChannelId',
  'docsIf31CmDsOfdmChanPlcFreq',
  'docsIf31CmDsOfdmProfileStatsTotalCodewords',
  'docsIf31CmDsOfdmProfileStatsCorrectedCodewords',
  'docsIf31CmDsOfdmProfileStatsUncorrectableCodewords',
  'docsIf31CmDsOfdmChannelPowerCenterFrequency',
  'docsIf31CmDsOfdmChannelPowerRxPower',
  'docsIf31CmStatusOfdmaUsT3Timeouts',
  'docsIf31CmStatusOfdmaUsT4Timeouts',
  'docsIf31CmStatusOfdmaUsT3Exceededs',
  'docsIf31CmStatusOfdmaUsIsMuted',
  'docsIf31CmStatusOfdmaUsRangingStatus',
  'docsIf31CmUsOfdmaChanChannelId',
  'docsIf31CmUsOfdmaChanTxPower',
];

/**
 * Table columns only a full poll (a call-centre check) reads, in the same walk as the fast-poll columns: the objects
 * that cost too much to read on every sweep and matter only while someone is looking at the line.
 */
export const FULL_POLL_COLUMNS: readonly OidName[] = [
  // The modem's event log (docsDevEventTable), by docsDevEvIndex.
  'docsDevEvFirstTime',
  'docsDevEvLastTime',
  'docsDevEvCounts',
  'docsDevEvLevel',
  'docsDevEvId',
  'docsDevEvText',
  // DOCSIS 3.1 PNM summaries (docs/pnm.md): RxMER statistics, downstream channel estimate, OFDMA pre-equaliser.
  'docsPnmCmDsOfdmRxMerPercentile',
  'docsPnmCmDsOfdmRxMerStdDev',
  'docsPnmCmDsOfdmRxMerThrVal',
  'docsPnmCmDsOfdmRxMerThrHighestFreq',
  'docsPnmCmDsOfdmRxMerMeasStatus',
  'docsPnmCmOfdmChEstCoefAmpRipplePkToPk',
  'docsPnmCmOfdmChEstCoefAmpRippleRms',
  'docsPnmCmOfdmChEstCoefAmpSlope',
  'docsPnmCmOfdmChEstCoefGrpDelayRipplePkToPk',
  'docsPnmCmOfdmChEstCoefGrpDelayRippleRms',
  'docsPnmCmOfdmChEstCoefMeasStatus',
  'docsPnmCmOfdmChEstCoefAmpMean',
  'docsPnmCmOfdmChEstCoefGrpDelaySlope',
  'docsPnmCmOfdmChEstCoefGrpDelayMean',
  'docsPnmCmUsPreEqAmpRipplePkToPk',
  'docsPnmCmUsPreEqAmpRippleRms',
  'docsPnmCmUsPreEqAmpSlope',
  'docsPnmCmUsPreEqGrpDelayRipplePkToPk',
  'docsPnmCmUsPreEqGrpDelayRippleRms',
  'docsPnmCmUsPreEqPreEqCoAdjStatus',
  'docsPnmCmUsPreEqMeasStatus',
  'docsPnmCmUsPreEqAmpMean',
  'docsPnmCmUsPreEqGrpDelaySlope',
  'docsPnmCmUsPreEqGrpDelayMean',
];

/**
 * Scalars only a full poll reads, in the same GET as the fast-poll scalars. docsDevEvControl tells an empty event log
 * (the group answers, the table has no rows) from a modem without one: a walk alone sees no rows either way.
 */
export const FULL_POLL_SCALARS: readonly OidName[] = ['docsDevEvControl'];

/**
 * DOCS-IF-MIB columns that stand in for newer ones, walked in a second round only for a modem whose fast poll
 * lacked the newer object (DOCSIS 1.x/2.0 modems): modems that have them never pay for these.
 */
export const FALLBACK_COLUMNS = {
  /** The 32-bit codeword counters (RFC 2670), for docsIfSigQExt* (Counter64). */
  docsIfSigQExtUnerroreds: ['docsIfSigQUnerroreds', 'docsIfSigQCorrecteds', 'docsIfSigQUncorrectables'],
  /** For docsIf3CmStatusResets / LostSyncs. */
  docsIf3CmStatusValue: ['docsIfCmStatusResets', 'docsIfCmStatusLostSyncs'],
  /** For docsIf3CmStatusUsEqData: the single upstream's coefficients on the MAC interface (DOCSIS 2.0). */
  docsIf3CmStatusUsEqData: ['docsIfCmStatusEqualizationData'],
} as const satisfies Partial<Record<OidName, readonly OidName[]>>;

/** A CMTS row per modem (docsIf3CmtsCmRegStatusId), one GET refreshes it. */
export const CMTS_ROW_COLUMNS = [
  'docsIf3CmtsCmRegStatusMacAddr',
  'docsIf3CmtsCmRegStatusIPv4Addr',
  'docsIf3CmtsCmRegStatusValue',
  'docsIf3CmtsCmRegStatusMdIfIndex',
  'docsIf3CmtsCmRegStatusMdCmSgId',
  'docsIf3CmtsCmRegStatusLastRegTime',
  'docsIf31CmtsCmRegStatusPartialSvcState',
] as const satisfies readonly OidName[];

/** Per modem and CMTS upstream channel: {regId, usIfIndex}. */
export const CMTS_US_COLUMNS = [
  'docsIf3CmtsCmUsStatusRxPower',
  'docsIf3CmtsCmUsStatusSignalNoise',
  'docsIf3CmtsCmUsStatusUncorrectables',
  'docsIf3CmtsCmUsStatusRangingStatus',
] as const satisfies readonly OidName[];

/**
 * Read only for a CMTS whose record says its docsIf3CmtsCmUsStatusEqData holds the modems' coefficients: the
 * coefficients per modem and upstream ({regId, usIfIndex}, ~100 octets each), and the CMTS's upstream channels'
 * ids and widths (docsIfUpstreamChannelTable by upstream ifIndex: a few rows), which give the echo's distance.
 */
export const CMTS_PRE_EQ_COLUMNS = [
  'docsIf3CmtsCmUsStatusEqData',
  'docsIfUpChannelId',
  'docsIfUpChannelWidth',
] as const satisfies readonly OidName[];

/** Per modem and CPE: {regId, cpeIpId}. */
export const CMTS_CPE_COLUMNS = [
  'docsSubmgt3CpeIpAddr',
  'docsSubmgt3CpeIpType',
] as const satisfies readonly OidName[];

/** The CMTS columns read for a snapshot of all its modems (docsis-reference §1.2, CMTS side). */
export const CMTS_COLUMNS = [...CMTS_ROW_COLUMNS, ...CMTS_US_COLUMNS, ...CMTS_CPE_COLUMNS] as const;

/**
 * RFC 4546 docsIfCmtsCmStatusTable (DOCSIS 1.x/2.0 CMTSs; most 3.0 CMTSs keep it too), {docsIfCmtsCmStatusIndex}:
 * read where a DOCS-IF3 object gives no rows. One upstream per modem (its UpChannelIfIndex), no service group.
 */
export const RFC4546_CMTS_COLUMNS = [
  'docsIfCmtsCmStatusMacAddress',
  'docsIfCmtsCmStatusIpAddress',
  'docsIfCmtsCmStatusUpChannelIfIndex',
  'docsIfCmtsCmStatusRxPower',
  'docsIfCmtsCmStatusValue',
  'docsIfCmtsCmStatusUncorrectables',
  'docsIfCmtsCmStatusSignalNoise',
  'docsIfCmtsCmStatusExtUncorrectables',
  'docsIfCmtsCmStatusInetAddressType',
  'docsIfCmtsCmStatusInetAddress',
] as const satisfies readonly OidName[];
