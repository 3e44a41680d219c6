// @ts-check
// The shapes the dashboard reads from /api/v1, as JSDoc types (the server's own TypeScript types live in src/).

/**
 * @typedef {'TEXTBOOK_OK'|'MARGINAL'|'LINE_FAULT'|'FLAPPING'|'MODEM_OFFLINE'|'PLANT_OUTAGE'|'PROVISIONING_ISSUE'|'INSUFFICIENT_DATA'} Verdict
 * @typedef {Verdict|'OFFLINE_AT_CMTS'} ModemVerdict
 * @typedef {'OUTAGE'|'NODE_WIDE_FAULT'|'DEGRADED'|'OK'|'UNKNOWN'} NodeState
 * @typedef {Partial<Record<Verdict, number>>} VerdictCounts
 * @typedef {'LOW_DS_POWER'|'HIGH_DS_POWER'|'LOW_DS_SNR'|'DS_TILT'|'HIGH_US_POWER'|'LOW_US_POWER'|'OFDMA_TX_POWER'
 *   |'EXCESSIVE_UNCORRECTABLES'|'HIGH_CORRECTED'|'T3_T4_TIMEOUTS'|'PARTIAL_SERVICE_DS'|'PARTIAL_SERVICE_US'
 *   |'OFDM_LOW_MER'|'OFDM_POWER'|'US_RX_OFFSET'|'LOW_US_SNR'|'REGISTRATION_RF_FAILURE'|'SERVICE_GROUP_OUTAGE'
 *   |'CM_SNMP_UNREACHABLE_BUT_ONLINE'|'NODE_WIDE'|'RF_REINIT'|'DEVICE_REBOOTS'|'NO_POWER_OR_DISCONNECTED'
 *   |'ACCESS_DENIED'|'FORWARDING_DISABLED'|'NO_CPE_DETECTED'|'FEC_WINDOW_RESET'|'NO_RESPONSE'
 *   |'REGISTRATION_IN_PROGRESS'|'NEIGHBOURS_UNKNOWN'|'SILENCE_BURST'|'CMTS_NO_EVIDENCE'|'US_MICRO_REFLECTION'
 *   |'US_GROUP_DELAY'|'OFDM_MER_SPREAD'|'DS_MICRO_REFLECTION'|'DS_GROUP_DELAY'|'OFDMA_PRE_EQ_NOT_APPLIED'} SubKind
 * @typedef {'CHECK_CUSTOMER_EQUIPMENT'|'REMOTE_FIX'|'DISPATCH_TECHNICIAN'|'ESCALATE_TO_NOC'|'CHECK_POWER_AND_CABLING'
 *   |'SWAP_MODEM'|'BACK_OFFICE'|'NO_DISPATCH'} Action
 *
 * @typedef {object} NodeSummary
 * @property {string} cmtsId
 * @property {string} serviceGroupId
 * @property {'serviceGroup'|'upstreamChannels'} groupedBy
 * @property {NodeState} state
 * @property {number} modems
 * @property {number} notInInventory
 * @property {number} offline
 * @property {number} offlineShare
 * @property {number} troubledShare
 * @property {VerdictCounts} byVerdict
 * @property {{ subKind: string, modems: number, share: number }[]} sharedFaults
 * @property {EchoCluster[]} [echoClusters] modems sharing an echo (absent from services before it)
 * @property {string|null} cmtsObservedAt
 *
 * @typedef {object} EchoCluster
 * @property {number|null} channelId
 * @property {number} delayTaps
 * @property {number|null} distanceM one way from the modems; null when the channel width was not read
 * @property {string[]} modems
 * @property {'TAP_OR_AMPLIFIER'|'PLANT'} place
 * @property {'MEDIUM'|'HIGH'} confidence
 * @property {number} modemsCompared
 *
 * @typedef {{ modemId: string, verdict: ModemVerdict, subKinds: string[], at: string|null }} NodeModem
 * @typedef {NodeSummary & { worst: NodeModem[] }} NodeDetail
 *
 * @typedef {object} FleetSummary
 * @property {number} modems
 * @property {number} checked
 * @property {VerdictCounts} byVerdict
 * @property {{ cmtsId: string, nodes: number, modems: number, offline: number, byVerdict: VerdictCounts }[]} perCmts
 * @property {NodeSummary[]} worstNodes
 *
 * @typedef {object} SweepView
 * @property {string} id
 * @property {{ kind: 'all' } | { kind: 'cmts', cmtsId: string } | { kind: 'node', cmtsId: string, serviceGroupId: string }} scope
 * @property {string} trigger
 * @property {'running'|'finished'} status
 * @property {number} total
 * @property {number} done
 * @property {number} failed
 * @property {VerdictCounts} byVerdict
 * @property {string} startedAt
 * @property {string|null} finishedAt
 * @property {number} elapsedSec
 * @property {number|null} etaSec
 *
 * @typedef {{ id: string }} CmtsView
 *
 * @typedef {object} DownstreamChannel
 * @property {number} ifIndex
 * @property {number} channelId
 * @property {number} frequencyHz
 * @property {'qam64'|'qam256'|'other'} modulation
 * @property {boolean} locked
 * @property {number} powerDbmv
 * @property {number} snrDb
 * @property {string|null} unerrored decimal string (Counter64); null: not read
 * @property {string|null} corrected
 * @property {string|null} uncorrectable
 * @property {32} [counterBits] 32: the wrapping docsIfSigQ* counters
 *
 * @typedef {object} UpstreamChannel
 * @property {number} ifIndex
 * @property {number|null} channelId null: the modem has no upstream channel table
 * @property {number} frequencyHz
 * @property {number} txPowerDbmv
 * @property {number|null} t3Timeouts null: not read
 * @property {number|null} t4Timeouts
 * @property {boolean} muted
 * @property {string} rangingStatus
 *
 * @typedef {{ ifIndex: number, channelId: number, plcFrequencyHz: number, meanRxMerDb: number|null }} OfdmChannel
 * @typedef {{ ifIndex: number, channelId: number, txPowerDbmv: number, muted: boolean }} OfdmaChannel
 *
 * @typedef {object} ReachableReading
 * @property {true} reachable
 * @property {string} modemId
 * @property {number} observedAt epoch ms
 * @property {string} sysDescr
 * @property {number} uptimeSec
 * @property {'1.x'|'2.0'|'3.0'|'3.1'|'unknown'} docsisVersion
 * @property {{ value: number|null, name: string, resets: number|null, lostSyncs: number|null }} status
 * @property {DownstreamChannel[]} downstream
 * @property {UpstreamChannel[]} upstream
 * @property {OfdmChannel[]} ofdm
 * @property {OfdmaChannel[]} ofdma
 *
 * @typedef {{ reachable: false, modemId: string, observedAt: number, error: string }} UnreachableReading
 * @typedef {ReachableReading|UnreachableReading} ModemReading
 *
 * @typedef {{ direction: 'downstream'|'upstream', kind: 'SC-QAM'|'OFDM'|'OFDMA', ifIndex: number, channelId: number|null, frequencyHz: number }} ChannelRef
 * @typedef {{ code: 'REGISTRATION_STATE'|'T3_T4_TIMEOUTS'|'RF_REINIT'|'CODEWORDS'|'CPE_PRESENCE', reason: string }} NotChecked
 * @typedef {'FAULT'|'MARGINAL'|'INFO'} Severity
 *
 * @typedef {object} Finding
 * @property {string} code
 * @property {Severity} severity
 * @property {ChannelRef} [channel]
 * @property {number} observed
 * @property {number} limit
 * @property {string} unit
 * @property {string} message
 *
 * @typedef {object} Diagnosis
 * @property {string} modemId
 * @property {Verdict} verdict
 * @property {string[]} subKinds
 * @property {string} action
 * @property {string} summary
 * @property {Finding[]} findings
 * @property {NotChecked[]} [notChecked] what could not be checked, and why
 * @property {string} observedAt
 * @property {number} ageSec
 * @property {'live'|'cache'} source
 * @property {Dispatch} [dispatch] what the diagnosis asks of the field (absent on sweeps' answers)
 *
 * @typedef {{ count: number, of: number, rate: number|null }} Rate
 * @typedef {object} OutcomeKpis
 * @property {string} from
 * @property {string} to
 * @property {number} visits
 * @property {Record<string, number>} byFound
 * @property {Rate} noFaultFound
 * @property {Rate} repeatVisits
 * @property {number} unlinkedVisits
 * @property {{ verdict: Verdict, visits: number, faultFound: number, rate: number|null }[]} byVerdict
 * @property {{ place: string, visits: number, foundThere: number|null, rate: number|null }[]} byPlace
 * @property {Rate & { windowDays: number }} resolvedWithoutVisit
 * @typedef {object} ThresholdReport
 * @property {number} noFaultVisits
 * @property {{ code: string, severity: string, noFaultVisits: number, visits: number, noFaultShare: number|null }[]} codes
 *
 * @typedef {'NOC_ONLY'|'SAME_DAY'|'NEXT_AVAILABLE'|'NONE'} Urgency
 * @typedef {object} Dispatch
 * @property {boolean} needed
 * @property {Urgency} urgency
 * @property {boolean} sameDayEligible
 * @property {{ timeZone: string, sameDayCutoff: string, earliestDate: string|null, reason: string }} visitWindow
 * @property {'OUT_OF_SERVICE'|'DEGRADED'|null} impact
 * @property {'INSTALL_TECH'|'LINE_TECH'|'NOC'|'NONE'} skill
 * @property {string[]} bring
 * @property {string[]} firstChecks
 * @property {string|null} outage
 * @property {{ confirmed: boolean, by: string|null, faultReadings: number, readings: number, pattern: string, recheckAt: number|null }} confirmation
 *
 * @typedef {{ at: string, kind: string, evidence: string, from?: string, to?: string, durationSec?: number }} TimelineEvent
 * @typedef {{ modemId: string, since: string, coveredFrom: string|null, events: TimelineEvent[] }} Timeline
 *
 * @typedef {{ textbookMin: number, textbookMax: number, marginalMin: number, marginalMax: number }} LevelBands
 *
 * @typedef {object} Thresholds
 * @property {string} name
 * @property {LevelBands} dsPower
 * @property {{ qam256: { textbook: number, fault: number }, qam64: { textbook: number, fault: number } }} dsSnr
 * @property {{ lowMarginal: number, lowFault: number, docsis30Pmax: Record<string, number>, docsis30MarginDb: number, docsis31TextbookMax: number, docsis31FaultAbove: number }} usTxPower
 * @property {{ uncorrectableMarginal: number, uncorrectableFault: number, correctedMarginal: number, windowMinutes: number }} codewords
 *
 * @typedef {'TEXTBOOK'|'MARGINAL'|'FAULT'} PreEqGrade
 * @typedef {{ index: number, real: number, imag: number, magnitudeDbc: number }} PreEqTap
 * @typedef {{ tap: number, delayTaps: number, interpolated: boolean, levelDbc: number, delayNs: number|null, distanceM: number|null, distanceFt: number|null }} PreEqEcho
 * @typedef {{ offsetHz: number|null, bandFraction: number, amplitudeDb: number }} ResponsePoint
 * @typedef {{ depthDb: number, echoDbc: number, cycles: number|null, periodHz: number|null, distanceM: number|null, distanceFt: number|null }} Ripple
 *
 * @typedef {object} PreEqAnalysis
 * @property {number} mainTap 1-based
 * @property {number|null} symbolRateBaud
 * @property {PreEqTap[]} taps the forward taps in order
 * @property {{ mtrDb: number, nmterDb: number, preMtterDb: number, postMtterDb: number }} metrics
 * @property {{ mtr: PreEqGrade, nmter: PreEqGrade, rippleEcho: PreEqGrade }} grades
 * @property {'NONE'|'GROUP_DELAY'|'MICRO_REFLECTION'|'GROUP_DELAY_AND_MICRO_REFLECTION'|'UNCLASSIFIED'} distortion
 * @property {PreEqEcho|null} echo
 * @property {number} echoFloorDbc
 * @property {{ present: boolean }} shortEcho
 * @property {{ points: ResponsePoint[], ripple: Ripple }} frequencyResponse
 *
 * @typedef {object} PreEqChannel
 * @property {number} ifIndex
 * @property {number|null} channelId
 * @property {number} frequencyHz
 * @property {number|null} widthHz
 * @property {'ANALYSED'|'NOT_READ'|'NO_PRE_EQ'|'UNUSABLE'} state
 * @property {string|null} reason why there is no analysis
 * @property {PreEqAnalysis|null} analysis
 *
 * @typedef {{ modemId: string, observedAt: string|null, reason: string|null, channels: PreEqChannel[] }} PreEqualisation
 *
 * @typedef {{ modemId: string, verdict: Verdict, cmtsId: string|null, serviceGroupId: string|null }} DiagnosisEvent
 * @typedef {{ sweepId: string, total: number, done: number, failed: number, finished: boolean }} SweepEvent
 * @typedef {{ at: number, diagnoses: DiagnosisEvent[], moreDiagnoses: number, sweeps: SweepEvent[] }} LiveBatch
 */

export {};
