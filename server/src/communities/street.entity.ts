import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('street')
export class Street {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  name: string;
}
