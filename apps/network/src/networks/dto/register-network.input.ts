import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsISO4217CurrencyCode } from 'class-validator';
import { IsSlug, IsTimeZone, Trimmed, UpperCased } from '../../common/validators';
import { IsName } from '@passerelle/graphql';
import { SettlementMode } from '../settlement-mode';
import { NetworkSchema } from '../../network.schema';

@InputType({ registerIn: NetworkSchema })
export class RegisterNetworkInput {
  @Field({ description: 'Lowercase letters, digits and hyphens, 3 to 63 characters, unique' })
  @IsSlug()
  slug: string;

  @Field()
  @IsName()
  name: string;

  @Field({ nullable: true, defaultValue: 'EUR', description: 'ISO 4217, e.g. EUR' })
  @UpperCased()
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string;

  @Field({ nullable: true, defaultValue: 'Europe/Paris', description: 'IANA zone that bounds its months' })
  @Trimmed()
  @IsTimeZone()
  timezone: string;

  @Field(() => SettlementMode, { nullable: true, defaultValue: SettlementMode.DIRECT })
  @IsEnum(SettlementMode)
  settlementMode: SettlementMode;
}
