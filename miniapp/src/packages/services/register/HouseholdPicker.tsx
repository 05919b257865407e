import { Text, View } from '@tarojs/components'
import { useHouseholdLevels } from '../../../hooks/useHouseholdLevels'
import { ChoiceButton } from '../../staff/shared/Field'

export interface HouseholdChoice {
  building?: string
  unit?: string
  householdId?: number
}

/** 楼栋 → 单元 → 房号 as big buttons, each level read once the one above is chosen. */
export function HouseholdPicker({ communityId, value, onChange }: { communityId: number; value: HouseholdChoice; onChange: (v: HouseholdChoice) => void }) {
  const { buildings, units, rooms } = useHouseholdLevels({ communityId, building: value.building, unit: value.unit })
  return (
    <View className='setup-field' id='household-picker'>
      <Text className='ll-text setup-field-label'>住在哪一户（可不选）</Text>
      <View className='setup-choice'>
        {(buildings.state.data ?? []).map((b) => (
          <ChoiceButton key={b} selected={value.building === b} label={b} onClick={() => onChange({ building: b })} />
        ))}
      </View>
      {value.building ? (
        <View className='setup-choice'>
          {(units.state.data ?? []).map((u) => (
            <ChoiceButton key={u} selected={value.unit === u} label={u} onClick={() => onChange({ building: value.building, unit: u })} />
          ))}
        </View>
      ) : null}
      {value.unit ? (
        <View className='setup-choice'>
          {(rooms.state.data ?? []).map((r) => (
            <ChoiceButton key={r.id} selected={value.householdId === r.id} label={r.room} onClick={() => onChange({ ...value, householdId: r.id })} />
          ))}
        </View>
      ) : null}
    </View>
  )
}
