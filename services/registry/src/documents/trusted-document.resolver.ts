import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { RegistryContext } from '../context.js';
import { TrustedDocumentEntity } from './trusted-document.entity.js';
import { DocumentStore } from './trusted-document.service.js';

@ObjectType({ description: 'An app client with registered documents' })
class DocumentClient {
  @Field()
  clientName: string;

  @Field(() => Int)
  documents: number;

  @Field()
  lastRegisteredAt: Date;

  @Field(() => String, { nullable: true, description: 'The app version of the newest registration' })
  appVersion: string | null;
}

@Resolver()
export class TrustedDocumentResolver {
  @Query(() => [TrustedDocumentEntity], {
    description: 'The documents an app client may run, by operation name',
  })
  trustedDocuments(@Arg('clientName') clientName: string, @Ctx() context: RegistryContext) {
    return new DocumentStore(context.db).byClient(clientName);
  }

  @Query(() => [DocumentClient], { description: 'App clients with registered documents, by name' })
  documentClients(@Ctx() context: RegistryContext) {
    return new DocumentStore(context.db).clients();
  }
}
