import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsId } from '@passerelle/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { NetworkSchema } from '../../network.schema';

@InputType({ registerIn: NetworkSchema })
export class RequestMembershipInput {
  @Field(() => ID)
  @IsId()
  networkId: string;

  @Field(() => ID)
  @IsId()
  spaceId: string;

  @Field(() => Int, { nullable: true, description: 'Nomads accepted per local day; null means no limit' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'nomadSeats must be 0 or more (leave it null for no limit)' })
  @Max(100_000)
  nomadSeats?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 1, description: 'Credits a CREDITS pass spends for a day here' })
  @IsInt()
  @Min(1, { message: 'creditsPerDay must be at least 1' })
  @Max(1000)
  creditsPerDay: number;
}
