import { Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

/**
 * Expected failures (domain errors, bad input) go back to the client as they are, without being
 * logged as server errors; anything else still reaches Nest's handler and the logs.
 */
@Catch(GraphQLError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(exception: GraphQLError): GraphQLError {
    return exception;
  }
}
