import type { Household } from '@linli/shared'
import { compareNatural, roomsByFloor, sortedNames, sortedRooms } from './households'

let nextId = 1
const h = (room: string): Household => ({ id: nextId++, communityId: 1, building: '2栋', unit: '1单元', room })

describe('household picker order', () => {
  it('lists each building or unit once, in the order people count them', () => {
    // As the server sends them: "10栋" before "2栋" by plain string order.
    expect(sortedNames(['10栋', '2栋', '1栋', '2栋'])).toEqual(['1栋', '2栋', '10栋'])
    expect(sortedNames(['2单元', '1单元'])).toEqual(['1单元', '2单元'])
  })

  it('orders one unit’s rooms by number, keeping their household ids', () => {
    const rooms = [h('1101'), h('302'), h('101'), h('102')]
    const sorted = sortedRooms(rooms)
    expect(sorted.map((r) => r.room)).toEqual(['101', '102', '302', '1101'])
    expect(sorted[0].id).toBe(rooms[2].id)
  })

  it('groups rooms by floor for a readable grid', () => {
    expect(roomsByFloor(sortedRooms([h('1101'), h('302'), h('101'), h('102')]))).toEqual([
      { floor: '1楼', rooms: [expect.objectContaining({ room: '101' }), expect.objectContaining({ room: '102' })] },
      { floor: '3楼', rooms: [expect.objectContaining({ room: '302' })] },
      { floor: '11楼', rooms: [expect.objectContaining({ room: '1101' })] },
    ])
  })

  it('puts names without numbers after numbered ones', () => {
    expect(['东楼', '3栋', '1栋'].sort(compareNatural)).toEqual(['1栋', '3栋', '东楼'])
  })
})
