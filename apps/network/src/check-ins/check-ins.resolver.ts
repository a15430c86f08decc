import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller, RequestContext } from '@passerelle/auth';
import { BadUserInputError, validateListItems } from '@passerelle/graphql';
import { PassEntity } from '../passes/pass.entity';
import { Pass } from '../passes/pass.model';
import { PassesService } from '../passes/passes.service';
import { VisitEntity } from '../visits/visit.entity';
import { Visit } from '../visits/visit.model';
import { VisitsService } from '../visits/visits.service';
import { deskLocale, deskMessage } from './check-in-messages';
import { passShownBy, StoredResult } from './check-in-outcome';
import { CheckInResult } from './check-in-result';
import { CheckInsService, MAX_SYNC_BATCH } from './check-ins.service';
import { CheckInInput } from './dto/check-in.input';

@Resolver(() => CheckInResult)
export class CheckInsResolver {
  constructor(
    private readonly checkIns: CheckInsService,
    private readonly passes: PassesService,
    private readonly visits: VisitsService,
  ) {}

  // Who may: Permission.CHECK_IN at each scan's space. Rule 1 of the check-in asks it of the catalogue
  // itself, before anything else, so that a scanner's request costs no extra round trip.
  @Mutation(() => CheckInResult, { description: 'A scanner, or an operator of the space' })
  checkIn(@Args('input') input: CheckInInput, @CurrentCaller() caller: Caller): Promise<StoredResult> {
    return this.checkIns.checkIn(input, caller);
  }

  @Mutation(() => [CheckInResult], {
    description: "An offline scanner's upload: at most 500 scans, processed in order, one result each",
  })
  syncCheckIns(
    @Args('input', { type: () => [CheckInInput] }) input: CheckInInput[],
    @CurrentCaller() caller: Caller,
  ): Promise<StoredResult[]> {
    if (input.length > MAX_SYNC_BATCH) {
      throw new BadUserInputError('input', `Upload at most ${MAX_SYNC_BATCH} scans at a time.`);
    }
    return this.checkIns.sync(validateListItems(CheckInInput, input, 'input'), caller);
  }

  @ResolveField(() => String, {
    description: 'One sentence for the front-desk screen, in Accept-Language (fr or en; fr by default)',
  })
  message(@Parent() result: StoredResult, @Context() context: RequestContext): string {
    return deskMessage(result.message, deskLocale(context.acceptLanguage));
  }

  @ResolveField(() => Visit, { nullable: true })
  visit(@Parent() result: StoredResult, @Context() context: object): Promise<VisitEntity | null> | null {
    return result.visitId ? this.visits.load(context, result.visitId) : null;
  }

  @ResolveField(() => Pass, { nullable: true })
  pass(@Parent() result: StoredResult, @Context() context: object): Promise<PassEntity | null> | null {
    const passId = passShownBy(result);
    return passId ? this.passes.load(context, passId) : null;
  }
}
