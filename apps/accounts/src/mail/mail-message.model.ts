import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AccountsSchema } from '../accounts.schema';

@ObjectType({ registerIn: AccountsSchema, description: 'A message as the dev mailbox stored it' })
export class MailMessage {
  @Field(() => ID)
  id: string;

  @Field()
  to: string;

  @Field()
  subject: string;

  @Field()
  text: string;

  @Field(() => [String], { description: 'Links found in the message, in order (verification, invitation, reset)' })
  links: string[];

  @Field()
  sentAt: Date;
}
