import type { Household } from '@linli/shared'
import { buildingsOf, compareNatural, roomsByFloor, roomsOf, unitsOf } from './households'

let nextId = 1
const h = (building: string, unit: string, room: string): Household => ({ id: nextId++, communityId: 1, building, unit, room })

// As the server returns them: in no useful order, "10栋" before "2栋" by plain string order.
const households = [
  h('10栋', '1单元', '101'),
  h('2栋', '2单元', '1202'),
  h('2栋', '1单元', '302'),
  h('2栋', '1单元', '101'),
  h('2栋', '2单元', '201'),
  h('1栋', '1单元', '101'),
  h('2栋', '1单元', '1101'),
  h('2栋', '1单元', '102'),
]

describe('household cascade', () => {
  it('lists each building once, in the order people count them', () => {
    expect(buildingsOf(households)).toEqual(['1栋', '2栋', '10栋'])
  })

  it('lists the units of the chosen building only', () => {
    expect(unitsOf(households, '2栋')).toEqual(['1单元', '2单元'])
    expect(unitsOf(households, '10栋')).toEqual(['1单元'])
    expect(unitsOf(households, '99栋')).toEqual([])
  })

  it('lists the rooms of the chosen building and unit, with their household ids', () => {
    const rooms = roomsOf(households, '2栋', '1单元')
    expect(rooms.map((r) => r.room)).toEqual(['101', '102', '302', '1101'])
    expect(rooms[0].id).toBe(households[3].id)
  })

  it('groups rooms by floor for a readable grid', () => {
    expect(roomsByFloor(roomsOf(households, '2栋', '1单元'))).toEqual([
      { floor: '1楼', rooms: [expect.objectContaining({ room: '101' }), expect.objectContaining({ room: '102' })] },
      { floor: '3楼', rooms: [expect.objectContaining({ room: '302' })] },
      { floor: '11楼', rooms: [expect.objectContaining({ room: '1101' })] },
    ])
  })

  it('puts names without numbers after numbered ones', () => {
    expect(['东楼', '3栋', '1栋'].sort(compareNatural)).toEqual(['1栋', '3栋', '东楼'])
  })
})
