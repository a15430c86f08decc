import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { PassesModule } from '../passes/passes.module';
import { VisitsModule } from '../visits/visits.module';
import { CheckInRetention } from './check-in-retention';
import { CheckInsResolver } from './check-ins.resolver';
import { CheckInsService } from './check-ins.service';

@Module({
  imports: [AccessModule, CredentialsModule, PassesModule, VisitsModule],
  providers: [CheckInsService, CheckInsResolver, CheckInRetention],
})
export class CheckInsModule {}
