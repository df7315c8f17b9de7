import type { SigningKey } from '@safety/auth';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

type JWK = SigningKey['publicJwk'];

/** An ES256 key pair that signs this platform's tokens; the public halves are served at /.well-known/jwks.json. */
@Entity('signing_key')
export class SigningKeyRow {
  @PrimaryColumn()
  kid: string;

  @Column('jsonb', { name: 'private_jwk' })
  privateJwk: JWK;

  @Column('jsonb', { name: 'public_jwk' })
  publicJwk: JWK;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'retired_at', nullable: true })
  retiredAt: Date | null;
}
