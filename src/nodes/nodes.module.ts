import { Module } from '@nestjs/common';
import { CmtsModule } from '../cmts/cmts.module';
import { NodesService } from './nodes.service';

@Module({ imports: [CmtsModule], providers: [NodesService], exports: [NodesService] })
export class NodesModule {}
