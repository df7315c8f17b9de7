import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDateString,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumberString,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Arg, Field, Float, ID, InputType, Int, Query, Resolver } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badUserInput, violationsFromValidationErrors } from '../errors.js';
import { createLogger } from '../logger.js';
import { buildFederatedSchema } from '../schema/federation.js';
import { formatError } from './format-error.js';

enum Colour {
  RED = 'RED',
  BLUE = 'BLUE',
}

@InputType()
class ScheduleInput {
  @Field(() => String) @IsDateString() startsOn: string;
  @Field(() => String) @IsNumberString() code: string;
  @Field(() => String) @IsEnum(Colour) colour: string;
  @Field(() => Int) @Min(1) @Max(200) hours: number;
  @Field(() => Float) @IsInt() people: number;
}

/** A base class, so the test also covers constraints declared on a parent. */
@InputType()
class NamedInput {
  @Field(() => String) @Length(2, 40) title: string;
}

@InputType()
class PlanInput extends NamedInput {
  @Field(() => [String])
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @MinLength(2, { each: true })
  objectives: string[];

  @Field(() => ID) @IsUUID() ownerId: string;
  @Field(() => String) @Length(18, 18) uscc: string;
  @Field(() => String) @Matches(/^[0-9]+$/, { message: 'must be digits' }) phone: string;
  @Field(() => String) @IsNotEmpty() @MaxLength(5) owner: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIn(['a', 'b']) kind?: string;
  @Field(() => ScheduleInput) @ValidateNested() schedule: ScheduleInput;
}

@Resolver()
class PlanResolver {
  @Query(() => Boolean)
  check(@Arg('plan', () => PlanInput) _plan: PlanInput): boolean {
    return true;
  }

  @Query(() => Boolean)
  domain(): boolean {
    throw badUserInput({ issuedAt: 'cannot be in the future' });
  }
}

const QUERY = 'query ($plan: PlanInput!) { check(plan: $plan) }';
const VALID = {
  title: 'Spring plan',
  objectives: ['ab', 'cd'],
  ownerId: '0b6f8a1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
  uscc: '91620621MA7ABCDE1X',
  phone: '13800000000',
  owner: 'Li',
  kind: 'a',
  schedule: { startsOn: '2025-04-01', code: '42', colour: 'RED', hours: 8, people: 3 },
};

describe('formatError on class-validator failures (real type-graphql validation)', () => {
  let server: ApolloServer;

  beforeAll(async () => {
    const { schema } = await buildFederatedSchema({ resolvers: [PlanResolver] });
    server = new ApolloServer({
      schema,
      formatError: formatError(createLogger('test')),
      plugins: [ApolloServerPluginInlineTraceDisabled()],
    });
    await server.start();
  });
  afterAll(() => server?.stop());

  async function run(query: string, variables: Record<string, unknown> = {}) {
    const response = await server.executeOperation({ query, variables });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult;
  }

  it('accepts valid input', async () => {
    const result = await run(QUERY, { plan: VALID });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ check: true });
  });

  it('names each failed constraint with its bounds next to the English fields', async () => {
    const result = await run(QUERY, {
      plan: {
        ...VALID,
        title: 'x',
        objectives: ['a', 'b', 'c', 'd'],
        ownerId: 'nope',
        uscc: '123',
        phone: 'call me',
        owner: '',
        kind: 'z',
        schedule: { startsOn: 'soon', code: 'x1', colour: 'GREEN', hours: 0, people: 2.5 },
      },
    });
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect(error!.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = error!.extensions?.fields as Record<string, string>;
    // The English sentences stay as they were.
    expect(fields.title).toBe('title must be longer than or equal to 2 characters');
    expect(fields['schedule.hours']).toBe('hours must not be less than 1');
    // Violations come in the order of the messages joined in `fields`.
    expect(fields.objectives).toBe(
      'each value in objectives must be longer than or equal to 2 characters; objectives must contain no more than 3 elements',
    );
    expect(error!.message).toContain('title: title must be longer than or equal to 2 characters');

    const violations = error!.extensions?.violations;
    expect(violations).toEqual({
      title: [{ constraint: 'isLength', args: { min: 2, max: 40 } }],
      objectives: [
        { constraint: 'minLength', args: { min: 2 } },
        { constraint: 'arrayMaxSize', args: { max: 3 } },
      ],
      ownerId: [{ constraint: 'isUuid' }],
      uscc: [{ constraint: 'isLength', args: { min: 18, max: 18 } }],
      phone: [{ constraint: 'matches' }],
      owner: [{ constraint: 'isNotEmpty' }],
      kind: [{ constraint: 'isIn' }],
      'schedule.startsOn': [{ constraint: 'isDateString' }],
      'schedule.code': [{ constraint: 'isNumberString' }],
      'schedule.colour': [{ constraint: 'isEnum' }],
      'schedule.hours': [{ constraint: 'min', args: { min: 1 } }],
      'schedule.people': [{ constraint: 'isInt' }],
    });
    // Every field with a message has its violations, and vice versa.
    expect(Object.keys(violations as object).sort()).toEqual(Object.keys(fields).sort());
  });

  it('reports the other bound, array sizes, max and int failures', async () => {
    const result = await run(QUERY, {
      plan: {
        ...VALID,
        title: 'x'.repeat(41),
        objectives: [],
        owner: 'too long',
        schedule: { ...VALID.schedule, hours: 201 },
      },
    });
    expect(result.errors?.[0]?.extensions?.violations).toEqual({
      title: [{ constraint: 'isLength', args: { min: 2, max: 40 } }],
      objectives: [{ constraint: 'arrayMinSize', args: { min: 1 } }],
      owner: [{ constraint: 'maxLength', args: { max: 5 } }],
      'schedule.hours': [{ constraint: 'max', args: { max: 200 } }],
    });
  });

  it('leaves hand-written domain errors as they are (fields only)', async () => {
    const result = await run('{ domain }');
    expect(result.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: { issuedAt: 'cannot be in the future' },
    });
  });
});

describe('violationsFromValidationErrors', () => {
  it('names constraints without arguments when the validated object is unknown', () => {
    expect(
      violationsFromValidationErrors([
        {
          property: 'plan',
          children: [
            {
              property: 'title',
              constraints: { isLength: 'title must be longer than or equal to 2 characters' },
            },
          ],
        },
      ]),
    ).toEqual({ 'plan.title': [{ constraint: 'isLength' }] });
  });
});
