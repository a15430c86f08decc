import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CentsScalar, IsId, PageInfo } from '@passerelle/graphql';
import { IsEnum, IsOptional, Matches } from 'class-validator';
import { NetworkSchema } from '../network.schema';
import { VisitStatus } from './visit.entity';

registerEnumType(VisitStatus, { name: 'VisitStatus', registerIn: NetworkSchema });

@ObjectType('Visit', { registerIn: NetworkSchema })
@Directive('@key(fields: "id")')
export class Visit {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  occurredAt: Date;

  @Field({ description: "YYYY-MM-DD in the host space's timezone" })
  localDate: string;

  @Field(() => Int, { description: 'Coupons, credits or days consumed' })
  units: number;

  @Field(() => CentsScalar, {
    description: 'Owed by the payer to the host; 0 when the payer is the host (or the home space)',
  })
  amountCents: number;

  @Field(() => VisitStatus)
  status: VisitStatus;
}

@ObjectType('VisitEdge', { registerIn: NetworkSchema })
export class VisitEdge {
  @Field()
  cursor: string;

  @Field(() => Visit)
  node: Visit;
}

@ObjectType('VisitConnection', { registerIn: NetworkSchema })
export class VisitConnection {
  @Field(() => [VisitEdge])
  edges: VisitEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}

@InputType({ registerIn: NetworkSchema })
export class VisitFilter {
  @Field(() => ID)
  @IsId()
  networkId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  spaceId?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM, by periodMonth' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month?: string | null;

  @Field(() => VisitStatus, { nullable: true })
  @IsOptional()
  @IsEnum(VisitStatus)
  status?: VisitStatus | null;
}
