import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import type { Diagnosis } from '../domain/diagnosis';
import type { Dispatch } from '../domain/dispatch';
import { toDecisionRecord } from './decision-record';
import { VisitStore } from './visit.store';

/** The "calls" data set: each line check's dispatch decision, once per modem and reading. */
@Injectable()
export class DecisionLog {
  constructor(
    private readonly config: AppConfig,
    @Inject(VisitStore) private readonly store: VisitStore,
  ) {}

  async record(
    modemId: string,
    observedAt: number,
    diagnosis: Pick<Diagnosis, 'verdict' | 'subKinds' | 'findings' | 'location'>,
    dispatch: Dispatch,
  ): Promise<void> {
    await this.store.recordDecision(
      toDecisionRecord(modemId, observedAt, diagnosis, dispatch),
      this.config.outcomes.decisionRetentionSec,
    );
  }
}
