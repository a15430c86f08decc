import { Module } from '@nestjs/common';
import { AccountCredentialsController } from './account-credentials.controller';
import { AccountCredentialsService } from './account-credentials.service';

/** The accounts subgraph's credential versions, as this subgraph needs them to judge access tokens. */
@Module({
  controllers: [AccountCredentialsController],
  providers: [AccountCredentialsService],
  exports: [AccountCredentialsService],
})
export class AccountCredentialsModule {}
