import { Module } from '@nestjs/common';
import { EmailVisibilityController } from './email-visibility.controller';
import { EmailVisibilityService } from './email-visibility.service';

/** What this subgraph knows about the accounts subgraph's users: which of them a viewer may see in full. */
@Module({
  controllers: [EmailVisibilityController],
  providers: [EmailVisibilityService],
})
export class UsersModule {}
