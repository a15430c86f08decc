import { Field, ID, ObjectType } from '@nestjs/graphql';
import { NetworkSchema } from '../network.schema';

@ObjectType('Scanner', { registerIn: NetworkSchema })
export class Scanner {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}

@ObjectType('ScannerRegistration', { registerIn: NetworkSchema })
export class ScannerRegistration {
  @Field(() => Scanner)
  scanner: Scanner;

  @Field({ description: 'The device token, shown once' })
  token: string;
}
