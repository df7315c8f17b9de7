import { Max, Min } from 'class-validator';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';

@ArgsType()
export class DaysArgs {
  @Field(() => Int, { defaultValue: 30, description: 'The window: the last N days (1 to 366)' })
  @Min(1)
  @Max(366)
  days: number;
}

@ObjectType({ description: 'One operation of one client that used a schema coordinate' })
export class CoordinateOperationUsage {
  @Field({ description: 'SHA-256 of the normalized document (sha256:<hex>)' })
  operationHash: string;

  @Field(() => String, { nullable: true })
  operationName: string | null;

  @Field()
  clientName: string;

  @Field(() => String, { nullable: true })
  clientVersion: string | null;

  @Field(() => Int)
  count: number;

  @Field(() => Date, { nullable: true })
  lastSeen: Date | null;
}

@ObjectType({ description: 'Who used a schema coordinate in the window' })
export class FieldUsage {
  @Field({ description: 'Schema coordinate: Type.field, Type.field(arg:), Enum.VALUE' })
  coordinate: string;

  @Field(() => Int, { description: 'Requests that used it' })
  count: number;

  @Field(() => Date, { nullable: true })
  lastSeen: Date | null;

  @Field(() => [CoordinateOperationUsage], { description: 'Most requests first' })
  operations: CoordinateOperationUsage[];
}

@ObjectType({ description: 'An operation seen by the gateway, with its requests in the window' })
export class OperationUsage {
  @Field({ description: 'SHA-256 of the normalized document (sha256:<hex>)' })
  hash: string;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => String, { nullable: true, description: 'query, mutation or subscription' })
  type: string | null;

  @Field(() => String, { nullable: true, description: 'The normalized document' })
  body: string | null;

  @Field(() => Int)
  count: number;

  @Field(() => Int, { description: 'Requests answered with errors' })
  errors: number;

  @Field()
  lastSeen: Date;

  @Field(() => [String])
  clientNames: string[];
}

@ObjectType({ description: 'Requests of one client name and version in the window' })
export class ClientUsage {
  @Field({ description: 'graphql-client-name, integrator:<account> for a token without one, or unknown' })
  clientName: string;

  @Field(() => String, { nullable: true })
  clientVersion: string | null;

  @Field(() => Int)
  requests: number;

  @Field(() => Int)
  errors: number;

  @Field(() => Int, { description: 'Distinct operations' })
  operations: number;

  @Field()
  lastSeen: Date;
}

@ObjectType({ description: 'What one integrator or service token did in the window' })
export class TokenUsage {
  @Field()
  jti: string;

  @Field(() => Int)
  requests: number;

  @Field(() => Int)
  errors: number;

  @Field(() => Date, { nullable: true })
  lastSeen: Date | null;

  @Field(() => [String])
  clientNames: string[];

  @Field(() => [OperationUsage])
  operations: OperationUsage[];
}
