import type { Role } from '@linli/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A role held within a scope. Exactly one of streetId / communityId / organisationId is set, by the role's
 * scope kind (volunteer has none). `scopeKey` ("community:3") makes the grant unique without relying on NULLs.
 */
@Entity('role_grant')
@Index(['userId', 'role', 'scopeKey'], { unique: true })
export class RoleGrant {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  @Index()
  userId: number;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  @Column({ type: 'varchar', length: 48 })
  scopeKey: string;

  @Column({ type: 'int', nullable: true })
  streetId: number | null;

  @Column({ type: 'int', nullable: true })
  communityId: number | null;

  @Column({ type: 'int', nullable: true })
  organisationId: number | null;
}
