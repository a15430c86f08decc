import { Field, ObjectType } from '@nestjs/graphql';
import { NetworkSchema } from '../network.schema';

@ObjectType('PublicKey', { registerIn: NetworkSchema })
export class PublicKey {
  @Field()
  kid: string;

  @Field()
  alg: string;

  @Field({ description: 'The public key as a JSON Web Key' })
  jwk: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  retiredAt: Date | null;
}
