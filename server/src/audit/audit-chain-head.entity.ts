import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The end of each audit chain. Appending locks this row (SELECT ... FOR UPDATE on MySQL; SQLite serialises all
 * work), so concurrent appends to one street's chain queue up instead of forking it; other streets' chains do not
 * wait. It also records the last hash, so rows cut off the end of a chain are noticed too.
 */
@Entity('audit_chain_head')
export class AuditChainHead {
  @PrimaryColumn({ type: 'int' })
  chain: number;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
