import { Directive, Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { NetworkSchema } from '../network.schema';

@ObjectType('Space', { registerIn: NetworkSchema })
@Directive('@key(fields: "id")')
export class Space {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field()
  city: string;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  country: string;

  @Field(() => String, { nullable: true })
  address: string | null;

  @Field(() => Float, { nullable: true })
  latitude: number | null;

  @Field(() => Float, { nullable: true })
  longitude: number | null;

  @Field()
  timezone: string;
}
